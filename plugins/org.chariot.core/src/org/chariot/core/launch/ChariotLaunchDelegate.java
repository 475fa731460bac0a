package org.chariot.core.launch;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;

import org.chariot.core.build.BuildProblemMarkers;
import org.chariot.core.events.ChariotRuns;
import org.chariot.core.events.EventStreamFollower;
import org.chariot.core.events.EventStreamReader;
import org.chariot.core.events.PlatformLogMalformedLines;
import org.chariot.core.events.ViolationModel;
import org.chariot.core.coverage.CoverageMarkers;
import org.chariot.core.markers.RunMarkerJob;
import org.chariot.core.markers.ViolationMarkers;
import org.chariot.core.preferences.ChariotPreferences;
import org.eclipse.core.resources.IWorkspace;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.debug.core.DebugPlugin;
import org.eclipse.debug.core.ILaunch;
import org.eclipse.debug.core.ILaunchConfiguration;
import org.eclipse.debug.core.ILaunchManager;
import org.eclipse.debug.core.model.IProcess;
import org.eclipse.debug.core.model.LaunchConfigurationDelegate;

/**
 * Runs a Chariot Driver configuration: the chariot command as an external process whose output goes to the Console,
 * its event stream followed into a model that the Violations view shows and that becomes markers. In debug mode the
 * command also starts the GDB stub; a debugger's delegate extends this one and attaches in {@link #started}.
 */
public class ChariotLaunchDelegate extends LaunchConfigurationDelegate {

	/** Launch attribute naming the run's event file, so that tools can find the record of a launch. */
	public static final String EVENT_FILE = ILaunchAttributes.PREFIX + "eventFile";

	@Override
	public void launch(ILaunchConfiguration configuration, String mode, ILaunch launch, IProgressMonitor monitor)
			throws CoreException {
		IWorkspace workspace = ResourcesPlugin.getWorkspace();
		String name = configuration.getName();
		ChariotInstallation chariot = ChariotInstallation.locate(ChariotPreferences.chariotRoot());
		LaunchSettings settings = LaunchSettings.from(configuration, workspace.getRoot());
		Path eventFile = RunFiles.inStateLocation().newEventFile(name, LocalDateTime.now());
		List<String> command = ILaunchManager.DEBUG_MODE.equals(mode)
				? ChariotCommandLine.forDebugging(chariot, settings, eventFile)
				: ChariotCommandLine.build(chariot, settings, eventFile);
		launch.setAttribute(EVENT_FILE, eventFile.toString());

		new ViolationMarkers(workspace).clear(name);
		new BuildProblemMarkers(workspace).clear(name);
		new CoverageMarkers(workspace).clear(name);
		Path driverDirectory = settings.buildDirectory();
		ViolationModel model = new ViolationModel(name);
		model.addListener(new RunMarkerJob(name, workspace, driverDirectory));
		EventStreamFollower follower = new EventStreamFollower(
				new EventStreamReader(eventFile, new PlatformLogMalformedLines(eventFile)), model);

		ChariotRunOutput output = new ChariotRunOutput();
		Process process = new ObservedProcess(DebugPlugin.exec(command.toArray(String[]::new), chariot.root().toFile()),
				output);
		IProcess debugProcess = DebugPlugin.newProcess(launch, process, "chariot run " + name);
		debugProcess.setAttribute(IProcess.ATTR_CMDLINE, DebugPlugin.renderArguments(command.toArray(String[]::new), null));
		ChariotRuns.getDefault().started(model);
		follower.start();
		new ChariotRunJob(new ChariotRunJob.Run(name, debugProcess, follower, model, output, eventFile, workspace,
				driverDirectory, settings.coverage() ? ChariotCommandLine.coverageFile(eventFile) : null)).schedule();
		started(launch, debugProcess, settings);
	}

	/** The chariot process runs; a debug launch attaches its debugger here. */
	protected void started(ILaunch launch, IProcess process, LaunchSettings settings) throws CoreException {
		// a run launch only watches the process (ChariotRunJob)
	}

	/** The Console shows the run's output; no build of workspace projects is needed before it. */
	@Override
	public boolean buildForLaunch(ILaunchConfiguration configuration, String mode, IProgressMonitor monitor) {
		return false;
	}
}
