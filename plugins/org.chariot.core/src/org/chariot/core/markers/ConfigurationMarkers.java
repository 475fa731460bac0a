package org.chariot.core.markers;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.eclipse.core.resources.IFile;
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

	/**
	 * Marks each item whose file is in the workspace, in one workspace operation.
	 *
	 * @return how many markers were created
	 */
	public static <T> int create(IWorkspace workspace, String type, List<T> items, Function<T, Optional<IFile>> file,
			Function<T, Map<String, Object>> attributes) throws CoreException {
		int[] created = { 0 };
		IWorkspaceRunnable createAll = monitor -> {
			for (T item : items) {
				Optional<IFile> marked = file.apply(item);
				if (marked.isPresent()) {
					marked.get().createMarker(type, attributes.apply(item));
					created[0]++;
				}
			}
		};
		workspace.run(createAll, workspace.getRoot(), IWorkspace.AVOID_UPDATE, null);
		return created[0];
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
