package org.chariot.emulator.mmu;

/**
 * Sees instruction fetches from the pages it is interested in (for code-based context such as
 * "the driver is running"): {@link #onFetch} is called for every instruction fetched from an
 * interested page, and once more for the first instruction fetched after leaving one, so the
 * observer sees control leave. Other fetches stay on the fast path and cost nothing. When the
 * answers of {@link #interested} change, call {@link Mmu#fetchObserverChanged()}.
 */
public interface FetchObserver {

    /** Asked when a page enters the fetch TLB; addresses are page-aligned. */
    boolean interested(long virtualPage, long physicalPage);

    /**
     * Called from the hart's thread before the instruction at {@code pc}, whose bits are {@code
     * instruction}, executes; returns the instruction to execute instead: normally {@code
     * instruction}, but an observer that refuses a call at its entry returns a {@code ret} there.
     */
    int onFetch(long pc, int instruction);
}
