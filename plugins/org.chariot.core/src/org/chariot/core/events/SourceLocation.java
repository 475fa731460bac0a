package org.chariot.core.events;

/**
 * A line of C source, as the module's DWARF names it; the file may be relative to the module's build directory. A
 * module without debug info has no lines: its code is named by a function (symbol+offset) alone.
 */
public record SourceLocation(String file, int line, String function) {

	/** Code of a module without line information, named by {@code function} (symbol+offset). */
	public static SourceLocation withoutLine(String function) {
		return new SourceLocation("", 0, function);
	}

	public boolean hasLine() {
		return line > 0;
	}

	@Override
	public String toString() {
		return hasLine() ? file + ":" + line : "no line information";
	}
}
