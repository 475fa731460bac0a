package org.chariot.install;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/** The Chariot IDE product that ./chariot ide starts: materialized with Chariot in it, startable without a native launcher. */
class ChariotIdeProductTest {

	private static final Path PRODUCT = Path.of(System.getProperty("chariot.ide.product"));

	@Test
	void holdsEveryChariotBundleReadyToStart() throws IOException {
		List<String> bundles = Files.readAllLines(
				PRODUCT.resolve("configuration/org.eclipse.equinox.simpleconfigurator/bundles.info"));
		for (String name : List.of("org.chariot.core,", "org.chariot.ui,", "com.google.gson,")) {
			assertTrue(bundles.stream().anyMatch(line -> line.startsWith(name)), name + " is not in the product");
		}
	}

	@Test
	void startsTheWorkbenchThroughTheJavaLauncher() throws IOException {
		String config = Files.readString(PRODUCT.resolve("configuration/config.ini"));
		assertTrue(config.contains("eclipse.application=org.eclipse.ui.ide.workbench"), config);
		try (Stream<Path> plugins = Files.list(PRODUCT.resolve("plugins"))) {
			assertEquals(1, plugins.filter(file -> file.getFileName().toString()
					.matches("org\\.eclipse\\.equinox\\.launcher_.*\\.jar")).count(), "one launcher jar for java -jar");
		}
	}
}
