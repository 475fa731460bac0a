package org.chariot.emulator.cpu;

/** A synchronous exception raised by an instruction: the guest takes it as a trap. */
final class Trap extends Exception {

    final int cause;
    final long value;

    Trap(int cause, long value) {
        super(null, null, false, false);
        this.cause = cause;
        this.value = value;
    }

    /** The hart fills in the instruction bits as the trap value when it takes the trap. */
    static Trap illegalInstruction() {
        return new Trap(Cause.ILLEGAL_INSTRUCTION, 0);
    }

    @Override
    public String getMessage() {
        return String.format("exception %d (tval 0x%x)", cause, value);
    }
}
