package org.chariot.debug.launch;

import java.util.List;

import org.chariot.core.launch.ChariotInstallation;
import org.chariot.core.launch.ChariotLaunchDelegate;
import org.chariot.core.launch.CommandLineOption;
import org.chariot.core.launch.DebuggerChoice;
import org.chariot.core.launch.ILaunchAttributes;
import org.chariot.core.launch.LaunchSettings;
import org.chariot.core.preferences.ChariotPreferences;
import org.chariot.debug.sourcelookup.ChariotSourceLookupDirector;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.Status;
import org.eclipse.debug.core.ILaunch;
import org.eclipse.debug.core.ILaunchConfiguration;
import org.eclipse.debug.core.model.IProcess;

/**
 * Debug As > Chariot Driver: the run launch with the GDB stub and the halt policy (see
 * {@code ChariotCommandLine.forDebugging}), then a debugger attached to the stub in a job: Chariot's debug target, or
 * CDT's GDB Hardware Debugging when the configuration chooses it.
 */
public final class ChariotDebugLaunchDelegate extends ChariotLaunchDelegate {

	/** A CDT debug launch without CDT fails before the guest starts, saying what to install. */
	@Override
	public boolean preLaunchCheck(ILaunchConfiguration configuration, String mode, IProgressMonitor monitor)
			throws CoreException {
		if (debugger(configuration) == DebuggerChoice.CDT && !CdtHardwareDebugging.installed()) {
			throw CdtHardwareDebugging.notInstalled();
		}
		return super.preLaunchCheck(configuration, mode, monitor);
	}

	@Override
	protected void started(ILaunch launch, IProcess process, LaunchSettings settings) throws CoreException {
		ChariotSourceLookupDirector sources = new ChariotSourceLookupDirector(List.of(settings.buildDirectory()));
		sources.initializeParticipants();
		launch.setSourceLocator(sources);
		StubAttachJob.Debugger debugger = debugger(launch.getLaunchConfiguration()) == DebuggerChoice.CDT
				? (port, monitor) -> CdtHardwareDebugging.launch(launch.getLaunchConfiguration().getName(), port,
						ChariotInstallation.locate(ChariotPreferences.chariotRoot()).kitDirectory().resolve("vmlinux"),
						monitor)
				: StubAttachJob.chariot(launch, process, settings.buildDirectory());
		new StubAttachJob(process, StubAnnouncement.watch(process), debugger).schedule();
	}

	private static DebuggerChoice debugger(ILaunchConfiguration configuration) throws CoreException {
		String word = configuration.getAttribute(ILaunchAttributes.DEBUGGER, DebuggerChoice.CHARIOT.option());
		try {
			return CommandLineOption.parse(DebuggerChoice.class, word);
		} catch (IllegalArgumentException e) {
			throw new CoreException(Status.error("Debugger (Isolation tab): " + e.getMessage(), e));
		}
	}
}
