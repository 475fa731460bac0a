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
        announce(numbered);
        return policy.decision();
    }

    /** Records a bad read, which no policy stops: the load goes on, as under KASAN. */
    void recordRead(LongFunction<Violation> numbered) {
        announce(numbered);
    }

    /**
     * Records a device's write the driver did not map for; returns whether it lands: only under
     * {@code report}, since a device cannot stop the hart half-way, {@code halt} blocks it too.
     */
    boolean recordDeviceWrite(LongFunction<Violation> numbered) {
        announce(numbered);
        return policy == Policy.REPORT;
    }

    private void announce(LongFunction<Violation> numbered) {
        count++;
        events.violation(numbered.apply(count));
    }

    /** The {@code verdict} of a device's write the driver did not map for. */
    String deviceWriteVerdict() {
        return policy == Policy.REPORT ? Policy.REPORT.verdict() : Policy.BLOCK.verdict();
    }

    /** The {@code verdict} of a bad read: it happened. */
    String readVerdict() {
        return Policy.REPORT.verdict();
    }

    /** The {@code verdict} of the violations recorded now. */
    String verdict() {
        return policy.verdict();
    }

    long count() {
        return count;
    }
}
