package org.chariot.emulator.inject;

/**
 * The faults a campaign injects, the classes the Nooks and Chariot evaluations injected into drivers.
 */
public enum MutationKind {
    /** A store's destination moved: its base pointer or offset corrupted. */
    STORE_DESTINATION("store destination"),
    /** A bound or a length one too large, a comparison one too lax. */
    OFF_BY_ONE("off by one"),
    /** An allocation smaller than what the code then writes into it. */
    ALLOCATION_SIZE("allocation size"),
    /** An initialising statement (or an allocator's zeroing) left out. */
    SKIPPED_INITIALISATION("skipped initialisation"),
    /** An object freed just before the code writes into it. */
    EARLY_FREE("early free");

    private final String label;

    MutationKind(String label) {
        this.label = label;
    }

    /** How tables and JSON name it. */
    public String label() {
        return label;
    }
}
