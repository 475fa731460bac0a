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

    /** The Maven modules the IDE is made of, in reactor order. */
    static final String MODULES = "targets,plugins,plugins/org.chariot.core,plugins/org.chariot.ui,"
            + "features/org.chariot.feature,update-site,products";
    /** The system property the IDE reads on a new workspace's first start to import the example drivers. */
    static final String IMPORT_EXAMPLES = "chariot.importExamples";

    private static final List<String> INPUTS = List.of("pom.xml", "targets", "plugins/pom.xml", "plugins/org.chariot.core",
            "plugins/org.chariot.ui", "features/org.chariot.feature", "update-site", "products");

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

    List<String> buildCommand(String maven) {
        return List.of(maven, "-B", "-q", "install", "-DskipTests", "-pl", MODULES);
    }

    /** The command that starts the IDE on the workspace; on a new one it also imports the examples. */
    List<String> startCommand(Path java, Path workspace, boolean newWorkspace) throws IOException {
        Path launcher = launcherJar().orElseThrow(() -> new IOException("the Chariot IDE is not built: no Equinox"
                + " launcher in " + directory().resolve("plugins")));
        List<String> command = new ArrayList<>(List.of(java.toString()));
        if (newWorkspace) {
            command.add("-D" + IMPORT_EXAMPLES + "=true");
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

    /** A digest of every source file the IDE is built from (names and contents), build outputs excluded. */
    String inputsDigest() throws IOException {
        MessageDigest digest = sha256();
        for (String input : INPUTS) {
            Path path = root.resolve(input);
            if (!Files.exists(path)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(path)) {
                for (Path file : files.filter(Files::isRegularFile).filter(this::isSource).sorted().toList()) {
                    digest.update(root.relativize(file).toString().getBytes(StandardCharsets.UTF_8));
                    digest.update(Files.readAllBytes(file));
                }
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private boolean isSource(Path file) {
        Path relative = root.relativize(file);
        for (Path part : relative) {
            String name = part.toString();
            if (name.equals("target") || name.equals("bin")) {
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
