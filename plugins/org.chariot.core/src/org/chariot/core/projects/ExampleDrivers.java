package org.chariot.core.projects;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.IWorkspaceRoot;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.SubMonitor;

/**
 * The example drivers of a Chariot checkout (examples/drivers/*), and their import as workspace projects: the sources
 * (with the device files of devices the machine gets for them) are copied, so that builds and edits never touch the
 * checkout, and each project gets its launch configuration.
 */
public final class ExampleDrivers {

	/** How a device description is named, so that an example's launch configuration gives it to the machine. */
	static final String DEVICE_FILE = ".device";

	private final Path examples;

	/** @param chariotRoot the checkout whose examples/drivers to offer */
	public ExampleDrivers(Path chariotRoot) {
		this.examples = chariotRoot.resolve("examples/drivers");
	}

	/** The example directories (each with a Kbuild Makefile), by name. */
	public List<Path> list() throws IOException {
		if (!Files.isDirectory(examples)) {
			throw new IOException("There are no example drivers at " + examples + ": is the Chariot root (Window >"
					+ " Preferences > Chariot) a Chariot checkout?");
		}
		try (Stream<Path> entries = Files.list(examples)) {
			return entries.filter(entry -> Files.isRegularFile(entry.resolve(DriverProjectTemplate.MAKEFILE))).sorted()
					.toList();
		}
	}

	/** Imports the examples one by one, each as {@link #importExample}. */
	public static void importAll(List<Path> chosen, IWorkspaceRoot root, IProgressMonitor monitor) throws CoreException {
		SubMonitor progress = SubMonitor.convert(monitor, "Importing Chariot example drivers", chosen.size());
		for (Path example : chosen) {
			importExample(example, root, progress.split(1));
		}
	}

	/** Copies the example into a new project of its name; a project of that name must not exist yet. */
	public static IProject importExample(Path example, IWorkspaceRoot root, IProgressMonitor monitor)
			throws CoreException {
		IProject project = root.getProject(example.getFileName().toString());
		if (project.exists()) {
			throw new CoreException(Status.error("A project named " + project.getName() + " exists already: rename or"
					+ " delete it to import the example again."));
		}
		List<Path> sources = sources(example);
		SubMonitor progress = SubMonitor.convert(monitor, "Importing the example " + project.getName(),
				sources.size() + 3);
		project.create(progress.split(1));
		project.open(progress.split(1));
		for (Path source : sources) {
			try (InputStream in = Files.newInputStream(source)) {
				project.getFile(source.getFileName().toString()).create(in, IResource.NONE, progress.split(1));
			} catch (IOException e) {
				throw new CoreException(Status.error("Cannot read " + source + ": " + e.getMessage(), e));
			}
		}
		IFile exercise = project.getFile(DriverProjectTemplate.EXERCISE);
		List<IFile> deviceFiles = sources.stream().map(source -> source.getFileName().toString())
				.filter(name -> name.endsWith(DEVICE_FILE)).map(project::getFile).toList();
		DriverLaunchConfigurations.createFor(project, exercise.exists() ? exercise : null, deviceFiles);
		progress.worked(1);
		return project;
	}

	/** What a driver is made of; build outputs of an earlier build in the checkout stay behind. */
	private static List<Path> sources(Path example) throws CoreException {
		try (Stream<Path> files = Files.list(example)) {
			return files.filter(Files::isRegularFile).filter(file -> {
				String name = file.getFileName().toString();
				return name.equals(DriverProjectTemplate.MAKEFILE) || name.endsWith(".c") && !name.endsWith(".mod.c")
						|| name.endsWith(".h") || name.endsWith(".md") || name.endsWith(DEVICE_FILE);
			}).sorted().toList();
		} catch (IOException e) {
			throw new CoreException(Status.error("Cannot list the example " + example + ": " + e.getMessage(), e));
		}
	}
}
