package org.chariot.core.sources;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IWorkspaceRoot;

/**
 * Maps a source path from a module's DWARF to the file it names: absolute paths as they are, relative ones against
 * the directories the module was built in; then to the workspace file at that location, if the workspace has one.
 */
public final class SourceFileResolver {

	private final IWorkspaceRoot root;
	private final List<Path> buildDirectories;

	/** @param buildDirectories where relative DWARF paths start, most likely first */
	public SourceFileResolver(IWorkspaceRoot root, List<Path> buildDirectories) {
		this.root = root;
		this.buildDirectories = List.copyOf(buildDirectories);
	}

	/** The file on the host that the DWARF path names, if it exists. */
	public Optional<Path> location(String dwarfPath) {
		Path path = Path.of(dwarfPath);
		Stream<Path> candidates = path.isAbsolute() ? Stream.of(path)
				: buildDirectories.stream().map(directory -> directory.resolve(path));
		return candidates.map(Path::normalize).filter(Files::isRegularFile).findFirst();
	}

	/**
	 * The workspace file at the DWARF path's location. When linked resources show the same file more than once, the
	 * one with the shortest workspace path wins (the project's own copy rather than a link into it).
	 */
	public Optional<IFile> workspaceFile(String dwarfPath) {
		return location(dwarfPath).flatMap(this::workspaceFileAt);
	}

	private Optional<IFile> workspaceFileAt(Path location) {
		return Arrays.stream(root.findFilesForLocationURI(location.toUri())).filter(IFile::isAccessible)
				.min(Comparator.comparingInt(file -> file.getFullPath().segmentCount()));
	}
}
