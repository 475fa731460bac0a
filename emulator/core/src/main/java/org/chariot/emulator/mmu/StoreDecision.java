package org.chariot.emulator.mmu;

/** What a {@link StoreObserver} wants done with a store it was shown. */
public enum StoreDecision {
    /** The store lands. */
    COMMIT,
    /** The store is dropped; the instruction completes as if it had written. */
    DROP,
    /** Nothing is written and the hart stops before the store instruction retires. */
    HALT
}
