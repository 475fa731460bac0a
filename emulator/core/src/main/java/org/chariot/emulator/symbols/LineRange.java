package org.chariot.emulator.symbols;

/**
 * Code of one source line in a module: the bytes {@code [start, end)} of section {@code section}
 * (offsets in the section) come from {@code file:line}; a line may have many such ranges.
 */
public record LineRange(String section, long start, long end, String file, int line) {
}
