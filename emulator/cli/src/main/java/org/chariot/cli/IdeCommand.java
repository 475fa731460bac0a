package org.chariot.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.chariot.emulator.guest.Installation;
import org.chariot.emulator.run.ExitStatus;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code chariot ide}: the Chariot IDE, built when its sources changed, started on a workspace with the examples. */
@Command(name = "ide", mixinStandardHelpOptions = true,
        description = {"Builds the Chariot IDE (Eclipse with Chariot installed) if its sources changed since the last"
            + " build, then starts it. A new workspace gets the example drivers imported, each ready to run.",
            "Runs and launches in the IDE use this checkout (CHARIOT_ROOT)."})
final class IdeCommand implements Callable<Integer> {

    @Option(names = "--workspace", paramLabel = "DIR", converter = Inputs.Directory.class,
            description = "The Eclipse workspace (default: the workspace folder in Chariot's cache).")
    Path workspace;

    @Option(names = "--print", description = "Print the command that starts the IDE instead of starting it (the IDE is"
            + " still built if needed).")
    boolean print;

    @Override
    public Integer call() {
        Reporter reporter = Reporter.standard();
        Installation installation = Installation.fromEnvironment();
        IdeProduct product = new IdeProduct(installation.root());
        Path chosenWorkspace = workspace != null ? workspace : installation.cache().resolve("workspace");
        try {
            if (!product.isCurrent()) {
                int built = build(product, installation.root(), reporter);
                if (built != 0) {
                    return built;
                }
            }
            List<String> command = product.startCommand(Path.of(System.getProperty("java.home"), "bin", "java"),
                    chosenWorkspace.toAbsolutePath(), !Files.exists(chosenWorkspace));
            if (print) {
                System.out.println(String.join(" ", command));
                return ExitStatus.OK.code();
            }
            reporter.stage("starting the Chariot IDE on the workspace " + chosenWorkspace);
            ProcessBuilder ide = new ProcessBuilder(command).inheritIO();
            ide.environment().put("CHARIOT_ROOT", installation.root().toString());
            return ide.start().waitFor();
        } catch (IOException e) {
            reporter.error("cannot build or start the IDE: " + e.getMessage(), List.of());
            return ExitStatus.USAGE.code();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ExitStatus.USAGE.code();
        }
    }

    private static int build(IdeProduct product, Path root, Reporter reporter) throws IOException, InterruptedException {
        String maven = System.getenv("CHARIOT_MVN");
        if (maven == null) {
            reporter.error("the IDE needs building, and CHARIOT_MVN is not set: run this through the ./chariot launcher.",
                    List.of());
            return ExitStatus.USAGE.code();
        }
        List<String> command = product.buildCommand(maven);
        reporter.stage("building the Chariot IDE (a first build downloads Eclipse from Maven Central): "
                + String.join(" ", command));
        int status = new ProcessBuilder(command).directory(root.toFile()).inheritIO().start().waitFor();
        if (status != 0) {
            reporter.error("building the IDE failed (Maven's errors above)", List.of());
            return ExitStatus.USAGE.code();
        }
        product.markBuilt();
        return ExitStatus.OK.code();
    }
}
