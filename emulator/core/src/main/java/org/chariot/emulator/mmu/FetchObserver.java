package org.chariot.emulator.mmu;

/**
 * Sees instruction fetches from the pages it is interested in (for code-based context such as
 * "the driver is running"): {@link #onFetch} is called for every instruction fetched from an
 * interested page, and once more for the first instruction fetched after leaving one, so the
 * observer sees control leave; and for pages of a {@link #region}, only fetches that cross into
 * or out of it. Other fetches stay on the fast path and cost nothing. When the
 * answers of {@link #interested} change, call {@link Mmu#fetchObserverChanged()}.
 */
public interface FetchObserver {

    /** Asked when a page enters the fetch TLB; addresses are page-aligned. */
    boolean interested(long virtualPage, long physicalPage);

    /**
     * Asked, for a page it is not {@link #interested} in, when it enters the fetch TLB: a region
     * from 1 to {@link Mmu#FETCH_REGIONS} whose fetches {@link #onFetch} sees only when control comes
     * into it from elsewhere (the first fetch there) or leaves it (the first fetch elsewhere), all
     * others staying on the fast path; 0 for none. A driver's code is such a region.
     */
    default int region(long virtualPage) {
        return 0;
    }

    /**
     * Called from the hart's thread before the instruction at {@code pc}, whose bits are {@code
     * instruction}, executes; returns the instruction to execute instead: normally {@code
     * instruction}, but an observer that refuses a call at its entry returns a {@code ret} there.
     */
    int onFetch(long pc, int instruction);
}
