package org.chariot.emulator.cpu;

import java.util.ArrayList;
import java.util.List;

/** The pcs of the last few instructions the hart started, for fault reports. */
final class ExecutionHistory {

    private static final int SIZE = 16;

    private final long[] pcs = new long[SIZE];
    private long count;

    void record(long pc) {
        pcs[(int) (count++ & (SIZE - 1))] = pc;
    }

    /** The pc of the instruction started before the latest one (0 if none). */
    long previous() {
        return count < 2 ? 0 : pcs[(int) ((count - 2) & (SIZE - 1))];
    }

    /** Oldest first. */
    List<Long> recent() {
        List<Long> result = new ArrayList<>();
        for (long i = Math.max(0, count - SIZE); i < count; i++) {
            result.add(pcs[(int) (i & (SIZE - 1))]);
        }
        return result;
    }
}
