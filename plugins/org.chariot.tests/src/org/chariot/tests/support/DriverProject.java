package org.chariot.tests.support;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;

/** A real workspace project holding the sample driver's C file and Makefile, deleted with its contents afterwards. */
public final class DriverProject implements AutoCloseable {

	public static final String SOURCE_NAME = "hello_drv.c";

	private final IProject project;

	private DriverProject(IProject project) {
		this.project = project;
	}

	public static DriverProject create(String name) throws CoreException, IOException {
		IProject project = ResourcesPlugin.getWorkspace().getRoot().getProject(name);
		if (project.exists()) {
			project.delete(true, true, null);
		}
		project.create(null);
		project.open(null);
		byte[] source = TestResources.read(TestResources.DRIVER_SOURCE).getBytes(StandardCharsets.UTF_8);
		project.getFile(SOURCE_NAME).create(new ByteArrayInputStream(source), IResource.FORCE, null);
		project.getFile("Makefile").create(new ByteArrayInputStream("obj-m += hello_drv.o\n".getBytes(StandardCharsets.UTF_8)),
				IResource.FORCE, null);
		return new DriverProject(project);
	}

	public IProject project() {
		return project;
	}

	public IFile source() {
		return project.getFile(SOURCE_NAME);
	}

	public Path directory() {
		return project.getLocation().toPath();
	}

	@Override
	public void close() throws CoreException {
		project.delete(true, true, null);
	}
}
