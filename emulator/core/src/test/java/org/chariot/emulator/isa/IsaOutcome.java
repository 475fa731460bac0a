package org.chariot.emulator.isa;

/**
 * What a test program's exit code says, by the convention of {@code src/test/isa/test.h}: 0 passed,
 * N means case N failed, 128 + N an unexpected trap during case N.
 */
record IsaOutcome(int code) {

    private static final int UNEXPECTED_TRAP = 128;

    boolean passed() {
        return code == 0;
    }

    /** A sentence for a failure report, naming the case to look up in the program's source. */
    String describe(String program) {
        String source = IsaPrograms.source(program).toString();
        if (passed()) {
            return program + " passed";
        }
        if (code > UNEXPECTED_TRAP && code < 2 * UNEXPECTED_TRAP) {
            return program + ": unexpected trap during case " + (code - UNEXPECTED_TRAP) + " (see " + source + ")";
        }
        if (code == UNEXPECTED_TRAP) {
            return program + ": unexpected trap before the first case (see " + source + " and runtime.S)";
        }
        if (code > 0 && code < UNEXPECTED_TRAP) {
            return program + ": case " + code + " failed (see " + source + ")";
        }
        return program + ": exit code " + code + ", which no test program writes";
    }
}
