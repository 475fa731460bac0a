package org.chariot.emulator.mmu;

/**
 * A memory access that the guest must see as an exception: a page fault, an access fault or a
 * misaligned atomic. Carries the exception code and the faulting virtual address for {@code xtval}.
 */
public final class MemoryFault extends Exception {

    private final int cause;
    private final long address;

    public MemoryFault(int cause, long address) {
        super(null, null, false, false);
        this.cause = cause;
        this.address = address;
    }

    /** The exception code ({@code mcause} value). */
    public int cause() {
        return cause;
    }

    /** The faulting virtual address. */
    public long address() {
        return address;
    }

    @Override
    public String getMessage() {
        return String.format("memory exception %d at 0x%x", cause, address);
    }
}
