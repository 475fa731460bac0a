package org.chariot.emulator.monitor;

import java.util.function.LongFunction;
import org.chariot.emulator.mmu.StoreDecision;

/** The run's violations as they happen: numbered in order, told to the events, decided by the policy. */
final class ViolationLog {

    private final Policy policy;
    private final MonitorEvents events;
    private long count;

    ViolationLog(Policy policy, MonitorEvents events) {
        this.policy = policy;
        this.events = events;
    }

    /** Records the violation {@code numbered} makes from its id; returns what the policy does with it. */
    StoreDecision record(LongFunction<Violation> numbered) {
        count++;
        events.violation(numbered.apply(count));
        return policy.decision();
    }

    /** The {@code verdict} of the violations recorded now. */
    String verdict() {
        return policy.verdict();
    }

    long count() {
        return count;
    }
}
