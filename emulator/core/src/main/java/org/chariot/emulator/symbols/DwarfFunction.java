package org.chariot.emulator.symbols;

/**
 * A function as the DWARF describes it: an out-of-line subprogram, or an inlined instance of one,
 * which knows the function it was inlined into and the source position of that call.
 */
record DwarfFunction(String name, boolean inlined, DwarfFunction caller, String callFile, int callLine,
        int callColumn) {
}
