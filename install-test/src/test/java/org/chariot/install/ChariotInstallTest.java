package org.chariot.install;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.eclipse.core.runtime.adaptor.EclipseStarter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.wiring.FrameworkWiring;

/**
 * The installation the p2 director made (the bare platform plus the Chariot feature from the update site), started as
 * Eclipse starts it: its configuration, its bundles.info. A user depends on every Chariot bundle resolving there and
 * starting, with nothing else of the platform broken by the install.
 */
class ChariotInstallTest {

	private static final List<String> CHARIOT_BUNDLES = List.of("org.chariot.core", "org.chariot.ui", "com.google.gson");

	private static BundleContext framework;

	@BeforeAll
	static void startTheInstallation() throws Exception {
		Path installation = Path.of(System.getProperty("chariot.installation"));
		assertTrue(Files.isRegularFile(installation.resolve("configuration/config.ini")), "no installation at " + installation);
		EclipseStarter.setInitialProperties(Map.of( //
				"osgi.install.area", installation.toUri().toString(), //
				"osgi.configuration.area", installation.resolve("configuration").toUri().toString(), //
				"osgi.instance.area", installation.resolve("workspace").toUri().toString(), //
				// config.ini names its bundles relative to the framework's own directory, the installation's plugins
				"osgi.syspath", installation.resolve("plugins").toString(), //
				"osgi.clean", "true", //
				"eclipse.ignoreApp", "true", //
				"osgi.noShutdown", "true"));
		framework = EclipseStarter.startup(new String[0], null);
	}

	@AfterAll
	static void stop() throws Exception {
		EclipseStarter.shutdown();
	}

	@Test
	void everyChariotBundleIsInstalledAndStarts() throws BundleException {
		for (String name : CHARIOT_BUNDLES) {
			Bundle bundle = bundle(name);
			bundle.start();
			assertEquals(Bundle.ACTIVE, bundle.getState(), name + " did not start");
		}
		assertTrue(bundle("org.chariot.core").getEntry("schema/event-stream.schema.json") != null,
				"the core bundle ships the event-stream schema");
		assertTrue(bundle("org.chariot.core").getEntry("templates/driver/driver.c") != null,
				"the core bundle ships the new project's templates");
	}

	@Test
	void everyBundleOfTheInstallationResolves() {
		framework.getBundle(0).adapt(FrameworkWiring.class).resolveBundles(null);
		String unresolved = Arrays.stream(framework.getBundles())
				.filter(bundle -> bundle.getState() == Bundle.INSTALLED)
				.map(Bundle::getSymbolicName).collect(Collectors.joining(", "));
		assertEquals("", unresolved, "bundles that did not resolve");
	}

	private static Bundle bundle(String name) {
		return Arrays.stream(framework.getBundles()).filter(bundle -> name.equals(bundle.getSymbolicName())).findFirst()
				.orElseThrow(() -> new AssertionError(name + " is not installed; the framework has " + framework.getBundles().length
						+ " bundles"));
	}
}
