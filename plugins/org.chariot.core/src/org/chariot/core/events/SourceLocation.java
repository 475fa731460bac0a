package org.chariot.core.events;

/** A line of C source, as the module's DWARF names it; the file may be relative to the module's build directory. */
public record SourceLocation(String file, int line, String function) {

	@Override
	public String toString() {
		return file + ":" + line;
	}
}
