package org.chariot.emulator.mmu;

/**
 * Sees loads from the pages it is interested in, before they read; it reports, it cannot refuse.
 * Loads from other pages never reach it: their load-TLB entries take the fast path, while an
 * interested page's entry carries a check tag that sends every load through {@link #beforeLoad}.
 * When the answers of {@link #interested} change, call {@link Mmu#loadObserverChanged()}; the
 * observer is asked only in the load view it is given ({@link Mmu#selectLoadView}), so that code it
 * does not check reads at full speed.
 */
public interface LoadObserver {

    /** Asked when a page enters the checked load view's TLB; addresses are page-aligned. */
    boolean interested(long virtualPage, long physicalPage);

    /** Called before a load of {@code size} bytes from an interested page, after translation succeeded. */
    void beforeLoad(long virtualAddress, int size);
}
