package org.chariot.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What ./chariot ide decides and runs, on a checkout laid out like the real one. */
class IdeProductTest {

    @TempDir
    Path root;

    private IdeProduct product;
    private Path launcher;

    @BeforeEach
    void layOutACheckout() throws IOException {
        pom("", "pom", "emulator", "targets", "plugins", "features/f", "products", "install-test");
        pom("emulator", "pom", "core");
        pom("emulator/core", "jar");
        pom("targets", "eclipse-target-definition");
        pom("plugins", "pom", "org.chariot.core", "org.chariot.tests");
        pom("plugins/org.chariot.core", "eclipse-plugin");
        pom("plugins/org.chariot.tests", "eclipse-test-plugin");
        pom("features/f", "eclipse-feature");
        pom("products", "eclipse-repository");
        pom("install-test", "jar");
        Files.createDirectories(root.resolve("plugins/org.chariot.core/src"));
        Files.writeString(root.resolve("plugins/org.chariot.core/src/Core.java"), "class Core {}");
        product = new IdeProduct(root);
        launcher = Files.createDirectories(product.directory().resolve("plugins"))
                .resolve("org.eclipse.equinox.launcher_1.8.0.v20260804-1928.jar");
        Files.createFile(launcher);
    }

    @Test
    void startsTheLauncherJarOnTheWorkspaceAndImportsExamplesIntoANewOne() throws IOException {
        Path java = Path.of("/jdk/bin/java");
        Path workspace = root.resolve("ws");

        assertEquals(List.of("/jdk/bin/java", "-Dchariot.newWorkspace=true", "-jar", launcher.toString(), "-data",
                workspace.toString()), product.startCommand(java, workspace, true));
        assertEquals(List.of("/jdk/bin/java", "-jar", launcher.toString(), "-data", workspace.toString()),
                product.startCommand(java, workspace, false));
    }

    @Test
    void buildsTheReactorsEclipseModulesButTheTests() throws IOException {
        assertEquals(List.of("mvn", "-B", "-q", "install", "-DskipTests", "-pl",
                "targets,plugins,plugins/org.chariot.core,features/f,products"), product.buildCommand("mvn"));
    }

    @Test
    void aTestBundleOrTheEmulatorChangingNeedsNoBuild() throws IOException {
        product.markBuilt();
        Files.writeString(root.resolve("plugins/org.chariot.tests/pom.xml"), "<project><packaging>eclipse-test-plugin"
                + "</packaging><!-- changed --></project>");
        Files.writeString(root.resolve("emulator/core/Emulator.java"), "class Emulator {}");
        assertTrue(product.isCurrent());
        Files.writeString(root.resolve("features/f/feature.xml"), "<feature/>");
        assertFalse(product.isCurrent(), "a file of the feature is a source");
    }

    /** What ./chariot ide once lacked: the feature's bundles in this checkout are all among the modules it builds. */
    @Test
    void theRealCheckoutsIdeModulesHoldEveryBundleOfItsFeature() throws Exception {
        Path checkout = Path.of("../..").toAbsolutePath().normalize();
        List<String> modules = EclipseModules.of(checkout);
        String feature = Files.readString(checkout.resolve("features/org.chariot.feature/feature.xml"));
        Matcher plugin = Pattern.compile("<plugin\\s+id=\"([^\"]+)\"").matcher(feature);
        int local = 0;
        while (plugin.find()) {
            if (Files.isDirectory(checkout.resolve("plugins").resolve(plugin.group(1)))) {
                assertTrue(modules.contains("plugins/" + plugin.group(1)), plugin.group(1) + " not in " + modules);
                local++;
            }
        }
        assertTrue(local >= 4, "the feature's own bundles: " + feature);
        assertTrue(modules.containsAll(List.of("targets", "features/org.chariot.feature", "products")), modules.toString());
        assertFalse(modules.contains("plugins/org.chariot.tests") || modules.contains("emulator"), modules.toString());
    }

    private void pom(String directory, String packaging, String... modules) throws IOException {
        StringBuilder pom = new StringBuilder("<project><packaging>" + packaging + "</packaging><modules>");
        for (String module : modules) {
            pom.append("<module>").append(module).append("</module>");
        }
        Files.createDirectories(root.resolve(directory));
        Files.writeString(root.resolve(directory).resolve("pom.xml"), pom.append("</modules></project>"));
    }

    @Test
    void needsABuildUntilBuiltAndAgainWhenASourceChanges() throws IOException {
        assertFalse(product.isCurrent(), "never built");
        product.markBuilt();
        assertTrue(product.isCurrent());

        Files.writeString(root.resolve("plugins/org.chariot.core/src/Core.java"), "class Core { int changed; }");
        assertFalse(product.isCurrent(), "a source changed");
        product.markBuilt();
        Files.createDirectories(root.resolve("plugins/org.chariot.core/target"));
        Files.writeString(root.resolve("plugins/org.chariot.core/target/Core.class"), "output");
        assertTrue(product.isCurrent(), "build outputs are not sources");
    }

    @Test
    void aProductWithoutItsLauncherIsNotBuilt() throws IOException {
        product.markBuilt();
        Files.delete(launcher);
        assertFalse(product.isCurrent());
    }
}
