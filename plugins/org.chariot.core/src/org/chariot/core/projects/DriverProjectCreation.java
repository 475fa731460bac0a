package org.chariot.core.projects;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IProjectDescription;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.SubMonitor;

/**
 * Creates a driver project ready to run: the template's files and a launch configuration that builds the driver,
 * loads it and runs its exercise.
 */
public final class DriverProjectCreation {

	private final IProject project;
	private final URI location;
	private final String moduleName;

	/** @param location where the project's files go, or null for the default place in the workspace */
	public DriverProjectCreation(IProject project, URI location, String moduleName) {
		this.project = project;
		this.location = location;
		this.moduleName = moduleName;
	}

	/** @return the driver's C file, to open in an editor */
	public IFile run(IProgressMonitor monitor) throws CoreException {
		String problem = DriverProjectTemplate.problemWithModuleName(moduleName);
		if (problem != null) {
			throw new CoreException(Status.error(problem));
		}
		SubMonitor progress = SubMonitor.convert(monitor, "Creating the driver project " + project.getName(), 5);
		IProjectDescription description = project.getWorkspace().newProjectDescription(project.getName());
		description.setLocationURI(location);
		project.create(description, progress.split(1));
		project.open(progress.split(1));
		for (Map.Entry<String, String> file : templateFiles().entrySet()) {
			byte[] contents = file.getValue().getBytes(StandardCharsets.UTF_8);
			project.getFile(file.getKey()).create(new ByteArrayInputStream(contents), IResource.NONE, progress.split(1));
		}
		DriverLaunchConfigurations.createFor(project, project.getFile(DriverProjectTemplate.EXERCISE), List.of());
		return project.getFile(DriverProjectTemplate.driverFileName(moduleName));
	}

	private Map<String, String> templateFiles() throws CoreException {
		try {
			return DriverProjectTemplate.files(moduleName, project.getName());
		} catch (IOException e) {
			throw new CoreException(Status.error(e.getMessage(), e));
		}
	}
}
