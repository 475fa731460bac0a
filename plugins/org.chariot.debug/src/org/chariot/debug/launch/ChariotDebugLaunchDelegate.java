package org.chariot.debug.launch;

import java.util.List;

import org.chariot.core.launch.ChariotLaunchDelegate;
import org.chariot.core.launch.LaunchSettings;
import org.chariot.debug.sourcelookup.ChariotSourceLookupDirector;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.debug.core.ILaunch;
import org.eclipse.debug.core.model.IProcess;

/**
 * Debug As > Chariot Driver: the run launch with the GDB stub and the halt policy (see
 * {@code ChariotCommandLine.forDebugging}), then the Chariot debug target attached to the stub in a job.
 */
public final class ChariotDebugLaunchDelegate extends ChariotLaunchDelegate {

	@Override
	protected void started(ILaunch launch, IProcess process, LaunchSettings settings) throws CoreException {
		ChariotSourceLookupDirector sources = new ChariotSourceLookupDirector(List.of(settings.buildDirectory()));
		sources.initializeParticipants();
		launch.setSourceLocator(sources);
		new StubAttachJob(launch, process, StubAnnouncement.watch(process), settings.buildDirectory()).schedule();
	}
}
