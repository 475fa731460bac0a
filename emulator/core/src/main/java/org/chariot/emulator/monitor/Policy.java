package org.chariot.emulator.monitor;

import org.chariot.emulator.mmu.StoreDecision;

/** What the monitor does with an illegal write of an isolated driver. */
public enum Policy {
    /** The store is dropped and the driver goes on, as if it had written: the driver is isolated. */
    BLOCK(StoreDecision.DROP, "blocked"),
    /** The store lands; it is only recorded. */
    REPORT(StoreDecision.COMMIT, "allowed"),
    /**
     * The hart stops before the store commits, at the storing instruction: for a debugger, which
     * sees the stop; without one the run ends there.
     */
    HALT(StoreDecision.HALT, "halted");

    private final StoreDecision decision;
    private final String verdict;

    Policy(StoreDecision decision, String verdict) {
        this.decision = decision;
        this.verdict = verdict;
    }

    StoreDecision decision() {
        return decision;
    }

    /** The {@code verdict} of the violation records this policy produces. */
    public String verdict() {
        return verdict;
    }

    /** The policy named {@code name} as the CLI spells it ({@code block}, {@code report}, {@code halt}). */
    public static Policy named(String name) {
        for (Policy policy : values()) {
            if (policy.name().equalsIgnoreCase(name)) {
                return policy;
            }
        }
        throw new IllegalArgumentException("unknown isolation policy '" + name + "': use block, report or halt");
    }
}
