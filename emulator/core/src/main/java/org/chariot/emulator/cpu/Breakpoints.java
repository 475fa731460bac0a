package org.chariot.emulator.cpu;

import java.util.Arrays;

/** Debugger breakpoints: a sorted set of pcs, replaced as a whole so the hart reads it without locking. */
final class Breakpoints {

    private volatile long[] pcs = new long[0];

    boolean armed() {
        return pcs.length != 0;
    }

    boolean contains(long pc) {
        return Arrays.binarySearch(pcs, pc) >= 0;
    }

    synchronized void add(long pc) {
        if (!contains(pc)) {
            long[] more = Arrays.copyOf(pcs, pcs.length + 1);
            more[pcs.length] = pc;
            Arrays.sort(more);
            pcs = more;
        }
    }

    synchronized void remove(long pc) {
        pcs = Arrays.stream(pcs).filter(p -> p != pc).toArray();
    }
}
