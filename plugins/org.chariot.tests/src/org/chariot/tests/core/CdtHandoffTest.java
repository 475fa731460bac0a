package org.chariot.tests.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;

import org.chariot.core.launch.DebuggerChoice;
import org.chariot.core.launch.ILaunchAttributes;
import org.chariot.debug.launch.CdtHardwareDebugging;
import org.chariot.tests.support.DriverProject;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.debug.core.DebugPlugin;
import org.eclipse.debug.core.ILaunchConfigurationWorkingCopy;
import org.eclipse.debug.core.ILaunchManager;
import org.junit.jupiter.api.Test;

/** CDT's debug bundles are not in any registry this build reaches: what can be checked without them. */
class CdtHandoffTest {

	@Test
	void aCdtDebugLaunchWithoutCdtFailsBeforeTheGuestStartsAndSaysWhatToInstall() throws Exception {
		assertFalse(CdtHardwareDebugging.installed(), "this test platform has no CDT");
		try (DriverProject driver = DriverProject.create("cdt_drv")) {
			ILaunchConfigurationWorkingCopy configuration = DebugPlugin.getDefault().getLaunchManager()
					.getLaunchConfigurationType(ILaunchAttributes.LAUNCH_CONFIGURATION_TYPE).newInstance(null, "cdt");
			configuration.setAttribute(ILaunchAttributes.DRIVER_PROJECT, "cdt_drv");
			configuration.setAttribute(ILaunchAttributes.DEBUGGER, DebuggerChoice.CDT.option());
			int launchesBefore = DebugPlugin.getDefault().getLaunchManager().getLaunches().length;

			CoreException refused = assertThrows(CoreException.class,
					() -> configuration.launch(ILaunchManager.DEBUG_MODE, new NullProgressMonitor()));

			assertTrue(refused.getMessage().contains("GDB Hardware Debugging")
					&& refused.getMessage().contains("Install CDT's"), refused.getMessage());
			assertEquals(launchesBefore, DebugPlugin.getDefault().getLaunchManager().getLaunches().length,
					"no guest was started");
		}
	}

	@Test
	void theCdtConfigurationAttachesGdbMultiarchToTheStubWithoutTouchingTheGuest() {
		Map<String, Object> attributes = CdtHardwareDebugging.attributes(40123, Path.of("/kit/vmlinux"));

		assertEquals("gdb-multiarch", attributes.get("org.eclipse.cdt.dsf.gdb.DEBUG_NAME"));
		assertEquals("127.0.0.1", attributes.get("org.eclipse.cdt.debug.gdbjtag.core.ipAddress"));
		assertEquals(40123, attributes.get("org.eclipse.cdt.debug.gdbjtag.core.portNumber"));
		assertEquals("/kit/vmlinux", attributes.get("org.eclipse.cdt.debug.gdbjtag.core.symbolsFileName"));
		assertEquals(false, attributes.get("org.eclipse.cdt.debug.gdbjtag.core.loadImage"));
		assertEquals(false, attributes.get("org.eclipse.cdt.debug.gdbjtag.core.doReset"));
	}
}
