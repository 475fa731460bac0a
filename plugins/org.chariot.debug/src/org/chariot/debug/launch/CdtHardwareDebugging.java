package org.chariot.debug.launch;

import java.nio.file.Path;
import java.util.Map;

import org.chariot.debug.ChariotDebug;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.debug.core.DebugPlugin;
import org.eclipse.debug.core.ILaunch;
import org.eclipse.debug.core.ILaunchConfigurationType;
import org.eclipse.debug.core.ILaunchConfigurationWorkingCopy;
import org.eclipse.debug.core.ILaunchManager;

/**
 * The one place that knows CDT: hands a running guest's GDB stub to CDT's GDB Hardware Debugging, by its launch type
 * id and attribute names only (CDT's debug bundles are in no registry this build reaches, so nothing links to them).
 */
public final class CdtHardwareDebugging {

	static final String LAUNCH_TYPE = "org.eclipse.cdt.debug.gdbjtag.launchConfigurationType";
	private static final String JTAG = "org.eclipse.cdt.debug.gdbjtag.core.";

	private CdtHardwareDebugging() {
	}

	/** True when CDT's GDB Hardware Debugging is installed. */
	public static boolean installed() {
		return DebugPlugin.getDefault().getLaunchManager().getLaunchConfigurationType(LAUNCH_TYPE) != null;
	}

	/** Why a CDT launch cannot start here, with what to do. */
	static CoreException notInstalled() {
		return new CoreException(Status.error("CDT's GDB Hardware Debugging (" + LAUNCH_TYPE + ") is not installed."
				+ " Install CDT's 'C/C++ GDB Hardware Debugging' feature, or choose the Chariot debugger on the"
				+ " Isolation tab."));
	}

	/**
	 * The attributes of a GDB Hardware Debugging configuration that attaches gdb-multiarch to the stub on
	 * 127.0.0.1:{@code port}, with the guest kernel's symbols from {@code vmlinux}, leaving the guest as it is (no
	 * image load, no reset, no halt).
	 */
	public static Map<String, Object> attributes(int port, Path vmlinux) {
		return Map.ofEntries(Map.entry("org.eclipse.cdt.dsf.gdb.DEBUG_NAME", "gdb-multiarch"),
				Map.entry("org.eclipse.cdt.launch.PROGRAM_NAME", vmlinux.toString()),
				Map.entry(JTAG + "useRemoteTarget", true), Map.entry(JTAG + "ipAddress", "127.0.0.1"),
				Map.entry(JTAG + "portNumber", port),
				Map.entry(JTAG + "jtagDeviceId", JTAG + "jtagdevice.genericDevice"),
				Map.entry(JTAG + "loadImage", false), Map.entry(JTAG + "loadSymbols", true),
				Map.entry(JTAG + "useProjBinaryForSymbols", false), Map.entry(JTAG + "useFileForSymbols", true),
				Map.entry(JTAG + "symbolsFileName", vmlinux.toString()), Map.entry(JTAG + "doReset", false),
				Map.entry(JTAG + "doHalt", false), Map.entry(JTAG + "setResume", false),
				Map.entry(JTAG + "runCommands", "monitor chariot modules"));
	}

	/** Starts CDT's debugger on the stub; the configuration is not saved, it belongs to this run. */
	static ILaunch launch(String name, int port, Path vmlinux, IProgressMonitor monitor) throws CoreException {
		ILaunchConfigurationType type = DebugPlugin.getDefault().getLaunchManager()
				.getLaunchConfigurationType(LAUNCH_TYPE);
		if (type == null) {
			throw notInstalled();
		}
		ILaunchConfigurationWorkingCopy configuration = type.newInstance(null,
				DebugPlugin.getDefault().getLaunchManager().generateLaunchConfigurationName(name + " (CDT)"));
		attributes(port, vmlinux).forEach((key, value) -> {
			switch (value) {
			case Boolean flag -> configuration.setAttribute(key, flag.booleanValue());
			case Integer number -> configuration.setAttribute(key, number.intValue());
			default -> configuration.setAttribute(key, value.toString());
			}
		});
		ChariotDebug.log(new Status(IStatus.INFO, ChariotDebug.PLUGIN_ID, "Handing the GDB stub on 127.0.0.1:" + port
				+ " to CDT's GDB Hardware Debugging"));
		return configuration.launch(ILaunchManager.DEBUG_MODE, monitor);
	}
}
