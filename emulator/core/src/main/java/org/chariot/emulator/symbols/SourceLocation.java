package org.chariot.emulator.symbols;

/**
 * Where an instruction of a module comes from: the source file (as the compiler recorded it, made
 * absolute with the compilation directory), line and column (0 when unknown), and the function it
 * belongs to, the innermost inlined one if it was inlined (null when nothing names one).
 */
public record SourceLocation(String file, int line, int column, String function) {

    /** {@code function at file:line}, the way a report prints it. */
    @Override
    public String toString() {
        return (function == null ? "??" : function) + " at " + file + ":" + line;
    }
}
