package org.chariot.emulator.machine;

import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.chariot.emulator.devices.AlarmClock;

/**
 * Guest time is host monotonic time since power-on, at the 10 MHz timebase QEMU's virt uses.
 *
 * <p>Why real time rather than a count of instructions: an idle guest sits in WFI until its next
 * timer deadline, and with real time the hart can simply block until then (no host CPU spent, no
 * busy loop skipping ahead), host input arrives at its real pace, and timeouts in the guest mean
 * what they say to the user. The price is that runs are not cycle-for-cycle repeatable; what the
 * monitor checks does not depend on timing.
 */
public final class WallClock implements AlarmClock, AutoCloseable {

    public static final long FREQUENCY = 10_000_000;
    private static final long NANOS_PER_TICK = 1_000_000_000 / FREQUENCY;

    private volatile long start = System.nanoTime();
    private final ScheduledThreadPoolExecutor alarms = new ScheduledThreadPoolExecutor(1, runnable -> {
        Thread thread = new Thread(runnable, "chariot-alarms");
        thread.setDaemon(true);
        return thread;
    });

    public WallClock() {
        alarms.setRemoveOnCancelPolicy(true);
    }

    @Override
    public long frequency() {
        return FREQUENCY;
    }

    @Override
    public long now() {
        return (System.nanoTime() - start) / NANOS_PER_TICK;
    }

    /** Sets guest time to {@code ticks} from now on, as when a snapshot taken at that time is restored. */
    void continueFrom(long ticks) {
        start = System.nanoTime() - ticks * NANOS_PER_TICK;
    }

    @Override
    public Alarm schedule(long deadline, Runnable action) {
        long delayNanos = Math.max(0, deadline - now()) * NANOS_PER_TICK;
        var future = alarms.schedule(action, delayNanos, TimeUnit.NANOSECONDS);
        return () -> future.cancel(false);
    }

    @Override
    public void close() {
        alarms.shutdownNow();
    }
}
