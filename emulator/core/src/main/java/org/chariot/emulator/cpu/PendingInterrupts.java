package org.chariot.emulator.cpu;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The stored bits of {@code mip}, shared between device threads (PLIC, CLINT, SBI) and the hart.
 * Raising a bit wakes the hart if it sleeps in WFI; so does {@link #wake()}.
 */
final class PendingInterrupts implements InterruptTarget {

    private final AtomicLong bits = new AtomicLong();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    /** Set on every wake-up, cleared by the hart when it checks: it never misses one. */
    private volatile boolean attention;

    @Override
    public void setPending(int bit, boolean pending) {
        long mask = 1L << bit;
        long before = pending ? bits.getAndUpdate(v -> v | mask) : bits.getAndUpdate(v -> v & ~mask);
        if (pending && (before & mask) == 0) {
            wake();
        }
    }

    long bits() {
        return bits.get();
    }

    /** Replaces the bits in {@code mask} by those of {@code value} (a CSR write). */
    void write(long mask, long value) {
        bits.getAndUpdate(v -> (v & ~mask) | (value & mask));
    }

    /** True (and cleared) if something asked for the hart's attention since the last call. */
    boolean takeAttention() {
        if (!attention) {
            return false;
        }
        attention = false;
        return true;
    }

    void wake() {
        lock.lock();
        try {
            attention = true;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Blocks until {@link #wake()} or the deadline ({@code nanos} from now; negative means none).
     * Returns at once if a wake-up came since the last {@link #takeAttention()}.
     */
    void await(long nanos) throws InterruptedException {
        lock.lock();
        try {
            if (nanos < 0) {
                while (!attention) {
                    changed.await();
                }
            } else {
                long left = nanos;
                while (!attention && left > 0) {
                    left = changed.awaitNanos(left);
                }
            }
        } finally {
            lock.unlock();
        }
    }

    /** How long {@code ticks} of a {@code frequency} Hz clock last, in nanoseconds (saturating). */
    static long nanosFor(long ticks, long frequency) {
        long nanosPerSecond = TimeUnit.SECONDS.toNanos(1);
        if (ticks >= Long.MAX_VALUE / nanosPerSecond) {
            return Long.MAX_VALUE;
        }
        return ticks * nanosPerSecond / Math.max(1, frequency);
    }
}
