package org.chariot.tests.support;

import java.nio.file.Path;

import org.chariot.core.projects.ExampleDrivers;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.debug.core.DebugPlugin;
import org.eclipse.debug.core.ILaunchConfiguration;

/** An example driver imported as a user imports it (a copy in the workspace); deleted with its files afterwards. */
public final class ImportedExample implements AutoCloseable {

	private final IProject project;

	private ImportedExample(IProject project) {
		this.project = project;
	}

	public static ImportedExample of(Path example) throws CoreException {
		IProject existing = ResourcesPlugin.getWorkspace().getRoot().getProject(example.getFileName().toString());
		if (existing.exists()) {
			existing.delete(true, true, null);
		}
		return new ImportedExample(ExampleDrivers.importExample(example, ResourcesPlugin.getWorkspace().getRoot(), null));
	}

	public IProject project() {
		return project;
	}

	public IFile file(String name) {
		return project.getFile(name);
	}

	/** The launch configuration the import made, the one the user runs. */
	public ILaunchConfiguration launchConfiguration() {
		return DebugPlugin.getDefault().getLaunchManager()
				.getLaunchConfiguration(project.getFile(project.getName() + ".launch"));
	}

	@Override
	public void close() throws CoreException {
		project.delete(true, true, null);
	}
}
