package org.chariot.tests.ui;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import org.chariot.core.markers.ViolationMarkers;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IMarker;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.debug.core.ILaunch;
import org.eclipse.debug.core.ILaunchConfiguration;
import org.eclipse.debug.core.ILaunchManager;
import org.eclipse.debug.core.model.IProcess;
import org.eclipse.debug.ui.DebugUITools;
import org.eclipse.ui.console.IConsole;
import org.eclipse.ui.console.TextConsole;

/** Launching Chariot Driver configurations from tests, and what a user then sees of them. */
final class Launches {

	private Launches() {
	}

	/** Runs the configuration and keeps the UI alive until its process ends. */
	static ILaunch runToEnd(ILaunchConfiguration configuration, Duration timeout) throws CoreException {
		ILaunch launch = configuration.launch(ILaunchManager.RUN_MODE, null);
		UiWait.until("the chariot process of " + configuration.getName() + " to end", timeout, launch::isTerminated);
		return launch;
	}

	/** What the Console shows of the process; it fills asynchronously, so wait for what you expect in it. */
	static String consoleText(IProcess process) {
		IConsole console = DebugUITools.getConsole(process);
		return console instanceof TextConsole text ? text.getDocument().get() : "";
	}

	static void waitForConsole(IProcess process, String expected, Duration timeout) {
		UiWait.until(() -> "the console to show '" + expected + "'; it shows:\n" + consoleText(process), timeout,
				() -> consoleText(process).contains(expected));
	}

	static List<IMarker> violationMarkers(IFile file) {
		try {
			return Arrays.asList(file.findMarkers(ViolationMarkers.TYPE, false, IResource.DEPTH_ZERO));
		} catch (CoreException e) {
			throw new AssertionError(e);
		}
	}
}
