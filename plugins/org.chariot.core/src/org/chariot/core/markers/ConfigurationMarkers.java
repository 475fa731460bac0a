package org.chariot.core.markers;

import org.eclipse.core.resources.IMarker;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.IWorkspace;
import org.eclipse.core.resources.IWorkspaceRunnable;
import org.eclipse.core.runtime.CoreException;

/** Markers that belong to one launch configuration's last run, by an attribute naming the configuration. */
public final class ConfigurationMarkers {

	/** The attribute every Chariot marker type has. */
	public static final String LAUNCH_CONFIGURATION = "launchConfiguration";

	private ConfigurationMarkers() {
	}

	/** Removes the markers of the type that the configuration's earlier runs made; other configurations' stay. */
	public static void clear(IWorkspace workspace, String type, String launchConfiguration) throws CoreException {
		IWorkspaceRunnable clearAll = monitor -> {
			for (IMarker marker : workspace.getRoot().findMarkers(type, false, IResource.DEPTH_INFINITE)) {
				if (launchConfiguration.equals(marker.getAttribute(LAUNCH_CONFIGURATION, null))) {
					marker.delete();
				}
			}
		};
		workspace.run(clearAll, workspace.getRoot(), IWorkspace.AVOID_UPDATE, null);
	}
}
