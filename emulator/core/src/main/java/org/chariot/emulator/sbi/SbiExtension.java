package org.chariot.emulator.sbi;

import org.chariot.emulator.cpu.HartRegisters;

/** One SBI extension: its id ({@code a7}) and its functions ({@code a6}). */
public interface SbiExtension {

    long id();

    /** Runs function {@code function} with arguments in {@code a0..a5} of {@code hart}. */
    SbiResult call(int function, HartRegisters hart);

    /** What {@code probe_extension} answers for an available extension. */
    default long probe() {
        return 1;
    }
}
