package org.chariot.emulator.symbols;

/**
 * One row of a line table: from {@code address} (an offset in section {@code section}) on, the code
 * belongs to {@code file:line:column}. {@code file} is the path as the compiler recorded it, joined
 * with the compilation directory when relative; an end-of-sequence row marks the first address after
 * the sequence.
 */
record LineRow(int section, long address, String file, int line, int column, boolean isStmt, boolean endSequence) {
}
