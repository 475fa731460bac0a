package org.chariot.cli;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.chariot.emulator.guest.GuestKit;
import org.chariot.emulator.guest.GuestToolException;
import org.chariot.emulator.guest.HostPackages;
import org.chariot.emulator.run.ExitStatus;
import picocli.CommandLine.Command;
import picocli.CommandLine.Unmatched;

/** {@code chariot test}: set up what is missing, then run every test of the project with Maven. */
@Command(name = "test", mixinStandardHelpOptions = true,
        description = {"Installs what is missing, builds the guest kit, then runs all tests (Maven verify, the "
            + "workbench tests under a virtual display).", "Extra arguments go to Maven, e.g. -pl emulator/core -Dtest=IsolationTest."})
final class TestCommand implements Callable<Integer> {

    /** Maven's own options (-pl, -Dtest=...) are not ours: picocli hands them over unparsed, in order. */
    @Unmatched
    List<String> mavenArguments = new ArrayList<>();

    @Override
    public Integer call() {
        Reporter reporter = Reporter.standard();
        String maven = System.getenv("CHARIOT_MVN");
        if (maven == null) {
            reporter.error("CHARIOT_MVN is not set: run the tests through the ./chariot launcher.", List.of());
            return ExitStatus.USAGE.code();
        }
        try {
            List<String> packages = new ArrayList<>(HostSetup.runPackages());
            packages.addAll(HostPackages.TESTS);
            HostSetup setup = new HostSetup(reporter);
            GuestKit kit = setup.ensure(packages);
            List<String> command = new ArrayList<>();
            if (System.getenv("DISPLAY") == null) {
                command.addAll(List.of("xvfb-run", "-a", "-s", "-screen 0 1600x1000x24"));
            }
            command.addAll(List.of(maven, "-B", "verify", "-Dchariot.kit=" + kit.directory()));
            command.addAll(mavenArguments);
            reporter.stage("running the tests: " + String.join(" ", command));
            Process tests = new ProcessBuilder(command).directory(setup.installation().root().toFile())
                    .inheritIO().start();
            return tests.waitFor();
        } catch (GuestToolException e) {
            reporter.error(e.getMessage(), e.details());
            return ExitStatus.USAGE.code();
        } catch (IOException e) {
            reporter.error("cannot start Maven: " + e.getMessage(), List.of());
            return ExitStatus.USAGE.code();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ExitStatus.USAGE.code();
        }
    }
}
