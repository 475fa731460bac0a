package org.chariot.debug.sourcelookup;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.chariot.core.sources.SourceFileResolver;
import org.chariot.debug.model.HartStackFrame;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.debug.core.sourcelookup.containers.LocalFileStorage;
import org.eclipse.debug.core.sourcelookup.AbstractSourceLookupParticipant;

/**
 * Maps a frame's DWARF path to the workspace file at that location (so its breakpoints and violation markers show
 * in the editor), else to the file on disk. No source containers are needed: the DWARF paths are where the driver
 * was built.
 */
final class DwarfPathParticipant extends AbstractSourceLookupParticipant {

	private final SourceFileResolver resolver;

	DwarfPathParticipant(List<Path> buildDirectories) {
		this.resolver = new SourceFileResolver(ResourcesPlugin.getWorkspace().getRoot(), buildDirectories);
	}

	@Override
	public String getSourceName(Object object) {
		return object instanceof HartStackFrame frame ? frame.sourceFile().orElse(null) : null;
	}

	@Override
	public Object[] findSourceElements(Object object) {
		String dwarfPath = getSourceName(object);
		if (dwarfPath == null) {
			return new Object[0];
		}
		Optional<IFile> file = resolver.workspaceFile(dwarfPath);
		if (file.isPresent()) {
			return new Object[] { file.get() };
		}
		return resolver.location(dwarfPath).map(location -> new Object[] { new LocalFileStorage(location.toFile()) })
				.orElse(new Object[0]);
	}
}
