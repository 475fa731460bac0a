package org.chariot.debug.sourcelookup;

import java.nio.file.Path;
import java.util.List;

import org.eclipse.debug.core.sourcelookup.AbstractSourceLookupDirector;
import org.eclipse.debug.core.sourcelookup.ISourceLookupParticipant;

/** Finds the C files of a Chariot debug session's frames: see {@link DwarfPathParticipant}. */
public final class ChariotSourceLookupDirector extends AbstractSourceLookupDirector {

	private final List<Path> buildDirectories;

	/** @param buildDirectories where the DWARF paths that are relative start (the driver's directory) */
	public ChariotSourceLookupDirector(List<Path> buildDirectories) {
		this.buildDirectories = List.copyOf(buildDirectories);
	}

	@Override
	public void initializeParticipants() {
		addParticipants(new ISourceLookupParticipant[] { new DwarfPathParticipant(buildDirectories) });
	}
}
