package org.chariot.tests.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;

import org.chariot.core.launch.ILaunchAttributes;
import org.chariot.core.preferences.ChariotPreferences;
import org.chariot.tests.support.ChariotCheckout;
import org.chariot.tests.support.ImportedExample;
import org.eclipse.core.runtime.preferences.IEclipsePreferences;
import org.eclipse.core.runtime.preferences.InstanceScope;
import org.eclipse.debug.core.ILaunch;
import org.eclipse.debug.core.model.IProcess;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The user-device example imported and launched as a user does: its device file comes along and is in the launch
 * configuration, so the machine gets the described DMA engine and the driver's exercise copies through it.
 */
class UserDeviceLaunchTest {

	private static final Duration RUN_TIMEOUT = Duration.ofMinutes(2);

	private final IEclipsePreferences preferences = InstanceScope.INSTANCE.getNode(ChariotPreferences.QUALIFIER);

	@BeforeEach
	void useThisCheckout() {
		ChariotCheckout.kit();
		preferences.put(ChariotPreferences.CHARIOT_ROOT, ChariotCheckout.root().toString());
	}

	@AfterEach
	void restore() {
		preferences.remove(ChariotPreferences.CHARIOT_ROOT);
	}

	@Test
	void theImportedExamplesDeviceFileMakesTheDeviceItsDriverRunsOn() throws Exception {
		try (ImportedExample example = ImportedExample.of(ChariotCheckout.example("user-device"))) {
			assertTrue(example.file("dma-copy.device").exists(), "the device file is imported with the sources");
			assertEquals(List.of("${workspace_loc:/user-device/dma-copy.device}"),
					example.launchConfiguration().getAttribute(ILaunchAttributes.DEVICE_FILES, List.of()));
			ILaunch launch = Launches.runToEnd(example.launchConfiguration(), RUN_TIMEOUT);
			IProcess process = launch.getProcesses()[0];
			Launches.waitForConsole(process, "dma: all checks passed", Duration.ofSeconds(30));
			assertTrue(Launches.consoleText(process).contains("chariot_dma 10030000.dma-copy: 2 transfers"),
					Launches.consoleText(process));
			assertEquals(0, process.getExitValue(), "isolated, and no violation");
		}
	}
}
