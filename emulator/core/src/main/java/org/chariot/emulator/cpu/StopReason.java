package org.chariot.emulator.cpu;

/** Why {@link Hart#run(long)} returned. */
public enum StopReason {
    /** The requested number of instructions ran. */
    INSTRUCTION_LIMIT,
    /** {@link Hart#requestStop()} was called (or the hart's thread was interrupted). */
    STOP_REQUESTED,
    /**
     * The hart executed WFI and nothing can wake it: no interrupt is enabled in {@code mie} but a
     * timer interrupt whose timer is not armed. The WFI has retired; run again once something changed.
     */
    IDLE,
    /** The next instruction's pc is a debugger breakpoint; it has not executed. */
    BREAKPOINT,
    /** A store observer halted the machine before a store; the store instruction has not retired. */
    STORE_HALTED,
    /** The emulator itself failed; {@link Hart#faultReport()} says where and why. */
    INTERNAL_FAULT
}
