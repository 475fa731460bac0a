package org.chariot.emulator.cpu;

/** Exception codes of {@code mcause}/{@code scause} (interrupts carry bit 63 in the register). */
final class Cause {

    static final int ILLEGAL_INSTRUCTION = 2;
    static final int BREAKPOINT = 3;
    /** ecall from U is 8, from S 9, from M 11: this plus the privilege. */
    static final int ECALL_FROM_U = 8;
    static final long INTERRUPT = 1L << 63;

    private Cause() {
    }
}
