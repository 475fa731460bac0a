package org.chariot.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The Chariot IDE that Tycho materializes under products/target: whether it is current with the plug-ins' sources,
 * how to build it, and how to start it (java -jar on the Equinox launcher: native launchers are not on Maven Central).
 */
final class IdeProduct {

    /**
     * The system property that tells the IDE its workspace is new: it imports the example drivers and opens the
     * Chariot perspective in a window that fills the screen.
     */
    static final String NEW_WORKSPACE = "chariot.newWorkspace";

    private final Path root;

    IdeProduct(Path root) {
        this.root = root;
    }

    Path directory() {
        return root.resolve("products/target/products/org.chariot.ide/linux/gtk/x86_64");
    }

    private Path stamp() {
        return root.resolve("products/target/ide.inputs");
    }

    /** Built, and built from the sources as they are now. */
    boolean isCurrent() throws IOException {
        return launcherJar().isPresent() && Files.isRegularFile(stamp())
                && Files.readString(stamp()).equals(inputsDigest());
    }

    /** Records that the product now matches the sources; after a successful build. */
    void markBuilt() throws IOException {
        Files.writeString(stamp(), inputsDigest());
    }

    /** Builds the IDE's modules ({@link EclipseModules}) and installs them, so that each finds the others. */
    List<String> buildCommand(String maven) throws IOException {
        return List.of(maven, "-B", "-q", "install", "-DskipTests", "-pl", String.join(",", EclipseModules.of(root)));
    }

    /** The command that starts the IDE on the workspace; on a new one it also imports the examples. */
    List<String> startCommand(Path java, Path workspace, boolean newWorkspace) throws IOException {
        Path launcher = launcherJar().orElseThrow(() -> new IOException("the Chariot IDE is not built: no Equinox"
                + " launcher in " + directory().resolve("plugins")));
        List<String> command = new ArrayList<>(List.of(java.toString()));
        if (newWorkspace) {
            command.add("-D" + NEW_WORKSPACE + "=true");
        }
        command.addAll(List.of("-jar", launcher.toString(), "-data", workspace.toString()));
        return command;
    }

    private Optional<Path> launcherJar() throws IOException {
        Path plugins = directory().resolve("plugins");
        if (!Files.isDirectory(plugins)) {
            return Optional.empty();
        }
        try (Stream<Path> files = Files.list(plugins)) {
            return files.filter(file -> file.getFileName().toString().matches("org\\.eclipse\\.equinox\\.launcher_.*\\.jar"))
                    .findFirst();
        }
    }

    /**
     * A digest of every source file the IDE is built from (names and contents): the root pom and the
     * files of the IDE's modules, build outputs and the modules below them that the IDE is not made of
     * (a test bundle) excluded.
     */
    String inputsDigest() throws IOException {
        MessageDigest digest = sha256();
        List<Path> inputs = new ArrayList<>(List.of(root.resolve("pom.xml")));
        for (String module : EclipseModules.of(root)) {
            Path directory = root.resolve(module);
            try (Stream<Path> files = Files.walk(directory)) {
                inputs.addAll(files.filter(Files::isRegularFile).filter(file -> isSource(directory, file)).sorted().toList());
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
        }
        for (Path file : inputs) {
            digest.update(root.relativize(file).toString().getBytes(StandardCharsets.UTF_8));
            digest.update(Files.readAllBytes(file));
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    /** A file of {@code module} itself: not a build output, not in a module below it. */
    private static boolean isSource(Path module, Path file) {
        for (Path directory = file.getParent(); !directory.equals(module); directory = directory.getParent()) {
            String name = directory.getFileName().toString();
            if (name.equals("target") || name.equals("bin") || Files.isRegularFile(directory.resolve("pom.xml"))) {
                return false;
            }
        }
        return true;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }
}
