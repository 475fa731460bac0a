package org.chariot.emulator.mmu;

/**
 * Sees stores to the pages it is interested in before they land, and may veto them; the MMU asks
 * its observers in order, and the first that does not let a store land decides. Stores to
 * other pages never reach it: their store-TLB entries take the fast path, while an interested
 * page's entry carries a check tag that sends every store through {@link #beforeStore}.
 * When the answers of {@link #interested} change, call {@link Mmu#storeObserverChanged()}; when
 * they depend on a context that changes often, give each context its own view with
 * {@link Mmu#selectStoreView(int)}.
 */
public interface StoreObserver {

    /** Asked when a page enters the store TLB (of the view selected now); addresses are page-aligned. */
    boolean interested(long virtualPage, long physicalPage);

    /**
     * Called before a store of {@code size} bytes of {@code value} to an interested page, from the
     * hart's thread, after translation and permission checks succeeded.
     */
    StoreDecision beforeStore(long virtualAddress, long physicalAddress, int size, long value);

    /**
     * Called, whatever the page, before a store that is about to take {@code fault} (no valid
     * writable mapping): {@link StoreDecision#COMMIT} lets the hart take the fault, {@link
     * StoreDecision#DROP} completes the instruction as if it had written, {@link StoreDecision#HALT}
     * stops the hart before it.
     */
    default StoreDecision beforeFaultingStore(long virtualAddress, int size, long value, MemoryFault fault) {
        return StoreDecision.COMMIT;
    }
}
