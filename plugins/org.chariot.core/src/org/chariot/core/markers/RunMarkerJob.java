package org.chariot.core.markers;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.chariot.core.events.Violation;
import org.chariot.core.events.ViolationModel;
import org.chariot.core.sources.SourceFileResolver;
import org.eclipse.core.resources.IWorkspace;
import org.eclipse.core.resources.WorkspaceJob;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;

/**
 * Marks a run's violations as they arrive. The model's listener only queues them; this job creates the markers later
 * under the workspace lock, so reading the event stream never waits for a build.
 */
public final class RunMarkerJob extends WorkspaceJob implements ViolationModel.Listener {

	private final String launchConfiguration;
	private final IWorkspace workspace;
	private final Path driverDirectory;
	private final List<Violation> pending = new ArrayList<>();
	private final List<Path> moduleDirectories = new ArrayList<>();

	/** @param driverDirectory where the driver was built, for DWARF paths relative to it */
	public RunMarkerJob(String launchConfiguration, IWorkspace workspace, Path driverDirectory) {
		super("Marking Chariot violations of " + launchConfiguration);
		this.launchConfiguration = launchConfiguration;
		this.workspace = workspace;
		this.driverDirectory = driverDirectory;
		setSystem(true);
		setRule(workspace.getRoot());
	}

	@Override
	public void violationsAdded(ViolationModel model, int added) {
		int size = model.size();
		List<Violation> arrived = model.range(size - added, size);
		synchronized (pending) {
			pending.addAll(arrived);
			moduleDirectories.clear();
			moduleDirectories.addAll(model.moduleDirectories());
		}
		schedule();
	}

	@Override
	public IStatus runInWorkspace(IProgressMonitor monitor) throws CoreException {
		List<Violation> batch;
		List<Path> buildDirectories = new ArrayList<>();
		buildDirectories.add(driverDirectory);
		synchronized (pending) {
			batch = List.copyOf(pending);
			pending.clear();
			buildDirectories.addAll(moduleDirectories);
		}
		new ViolationMarkers(workspace).create(launchConfiguration, batch,
				new SourceFileResolver(workspace.getRoot(), buildDirectories));
		return Status.OK_STATUS;
	}
}
