package org.chariot.emulator.mmu;

/**
 * Thrown through the hart when a {@link StoreObserver} answers {@link StoreDecision#HALT}, or when
 * a {@link FetchObserver} halts the hart before a call it refuses (a free): the instruction does not retire.
 */
public final class StoreHalted extends RuntimeException {

    private final long address;

    public StoreHalted(long address) {
        super(String.format("store to 0x%x halted by the store observer", address), null, false, false);
        this.address = address;
    }

    /** The virtual address of the store that did not land. */
    public long address() {
        return address;
    }
}
