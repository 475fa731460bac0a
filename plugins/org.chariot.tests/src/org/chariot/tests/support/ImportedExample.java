package org.chariot.tests.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IProjectDescription;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IPath;

/**
 * An example driver copied out of the checkout (so its build leaves nothing there) into a workspace project at the
 * copy's location; deleted with the copy afterwards.
 */
public final class ImportedExample implements AutoCloseable {

	private final IProject project;

	private ImportedExample(IProject project) {
		this.project = project;
	}

	public static ImportedExample copy(Path example, Path into) throws IOException, CoreException {
		Path copy = Files.createDirectories(into.resolve(example.getFileName()));
		try (Stream<Path> files = Files.list(example)) {
			for (Path file : files.filter(ImportedExample::isSource).toList()) {
				Files.copy(file, copy.resolve(file.getFileName()));
			}
		}
		IProject project = ResourcesPlugin.getWorkspace().getRoot().getProject(example.getFileName().toString());
		if (project.exists()) {
			project.delete(true, true, null);
		}
		IProjectDescription description = project.getWorkspace().newProjectDescription(project.getName());
		description.setLocation(IPath.fromPath(copy));
		project.create(description, null);
		project.open(null);
		return new ImportedExample(project);
	}

	private static boolean isSource(Path file) {
		String name = file.getFileName().toString();
		return name.equals("Makefile") || name.endsWith(".c") || name.endsWith(".h");
	}

	public IProject project() {
		return project;
	}

	public IFile file(String name) {
		return project.getFile(name);
	}

	@Override
	public void close() throws CoreException {
		project.delete(true, true, null);
	}
}
