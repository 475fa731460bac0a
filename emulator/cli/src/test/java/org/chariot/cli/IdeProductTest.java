package org.chariot.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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

        assertEquals(List.of("/jdk/bin/java", "-Dchariot.importExamples=true", "-jar", launcher.toString(), "-data",
                workspace.toString()), product.startCommand(java, workspace, true));
        assertEquals(List.of("/jdk/bin/java", "-jar", launcher.toString(), "-data", workspace.toString()),
                product.startCommand(java, workspace, false));
    }

    @Test
    void buildsOnlyWhatTheIdeIsMadeOf() {
        assertEquals(List.of("mvn", "-B", "-q", "install", "-DskipTests", "-pl", "targets,plugins,plugins/org.chariot.core,"
                + "plugins/org.chariot.ui,features/org.chariot.feature,update-site,products"), product.buildCommand("mvn"));
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
