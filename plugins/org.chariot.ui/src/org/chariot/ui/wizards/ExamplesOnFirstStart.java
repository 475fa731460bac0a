package org.chariot.ui.wizards;

import java.io.IOException;
import java.nio.file.Path;

import org.chariot.core.preferences.ChariotPreferences;
import org.chariot.core.projects.ExampleDrivers;
import org.eclipse.core.resources.IWorkspaceRoot;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.resources.WorkspaceJob;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.ui.IStartup;

/**
 * When ./chariot ide opens a new workspace (it sets the system property chariot.newWorkspace), the example drivers
 * are imported in the background, so the user finds them there ready to run. A workspace with projects is left alone.
 */
public final class ExamplesOnFirstStart implements IStartup {

	/** Set by ./chariot ide when the workspace it starts the IDE on is new. */
	public static final String NEW_WORKSPACE = "chariot.newWorkspace";

	@Override
	public void earlyStartup() {
		IWorkspaceRoot root = ResourcesPlugin.getWorkspace().getRoot();
		if (!Boolean.getBoolean(NEW_WORKSPACE) || root.getProjects().length > 0) {
			return;
		}
		WorkspaceJob job = new WorkspaceJob("Importing the Chariot example drivers") {
			@Override
			public IStatus runInWorkspace(IProgressMonitor monitor) throws CoreException {
				ExampleDrivers examples = new ExampleDrivers(Path.of(ChariotPreferences.chariotRoot()));
				try {
					ExampleDrivers.importAll(examples.list(), root, monitor);
					return Status.OK_STATUS;
				} catch (IOException e) {
					return Status.error("Could not import the Chariot example drivers: " + e.getMessage(), e);
				}
			}
		};
		job.setRule(root);
		job.schedule();
	}
}
