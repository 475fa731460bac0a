package org.chariot.emulator.devices;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import org.chariot.emulator.bus.Device;
import org.chariot.emulator.fdt.DeviceTreeContext;
import org.chariot.emulator.snapshot.Snapshottable;

/**
 * Google's goldfish real-time clock ({@code google,goldfish-rtc}, Linux's rtc-goldfish), at QEMU
 * virt's place and with its semantics: a 64-bit count of nanoseconds since the Unix epoch, read as
 * TIME_LOW (which latches the high half) then TIME_HIGH, and one alarm whose interrupt is pending
 * from when the count reaches it until the guest clears it; the line is high while the interrupt is
 * pending and enabled.
 *
 * <p>The count is the host's wall clock when the machine was made plus the guest time since, so it
 * advances with the machine clock; setting it moves an offset.
 */
public final class GoldfishRtc implements PlatformDevice, Snapshottable {

    static final int TIME_LOW = 0x00, TIME_HIGH = 0x04, ALARM_LOW = 0x08, ALARM_HIGH = 0x0c;
    static final int IRQ_ENABLED = 0x10, CLEAR_ALARM = 0x14, ALARM_STATUS = 0x18, CLEAR_INTERRUPT = 0x1c;
    private static final long SIZE = 0x1000;
    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private final AlarmClock clock;
    private final IrqLine irq;
    private final int irqSource;

    // State: the count is clock-derived, so only its offset, the alarm and the latch are kept.
    private long offsetNanos;
    private long latchedHigh;
    private long alarmNanos;
    private boolean alarmRunning;
    private boolean interruptPending;
    private boolean interruptEnabled;
    private AlarmClock.Alarm alarm;
    private long alarmGeneration; // a withdrawn alarm that already started must not fire

    /** @param epochNanosAtZero the wall-clock time, in nanoseconds since the epoch, at guest time 0 */
    public GoldfishRtc(AlarmClock clock, long epochNanosAtZero, IrqLine irq, int irqSource) {
        this.clock = clock;
        this.offsetNanos = epochNanosAtZero;
        this.irq = irq;
        this.irqSource = irqSource;
    }

    /** 32-bit registers: rtc-goldfish reads and writes them with readl and writel. */
    @Override
    public int supportedSizes() {
        return Device.sizes(4);
    }

    @Override
    public long size() {
        return SIZE;
    }

    @Override
    public synchronized long load(long offset, int size) {
        return switch ((int) offset) {
            case TIME_LOW -> {
                long now = nowNanos();
                latchedHigh = now >>> 32;
                yield now & 0xffff_ffffL;
            }
            case TIME_HIGH -> latchedHigh;
            case ALARM_LOW -> alarmNanos & 0xffff_ffffL;
            case ALARM_HIGH -> alarmNanos >>> 32;
            case IRQ_ENABLED -> interruptEnabled ? 1 : 0;
            case ALARM_STATUS -> alarmRunning ? 1 : 0;
            default -> 0;
        };
    }

    @Override
    public synchronized void store(long offset, int size, long value) {
        long word = value & 0xffff_ffffL;
        switch ((int) offset) {
            case TIME_LOW -> setTime((nowNanos() & ~0xffff_ffffL) | word);
            case TIME_HIGH -> setTime((nowNanos() & 0xffff_ffffL) | word << 32);
            case ALARM_LOW -> {
                alarmNanos = (alarmNanos & ~0xffff_ffffL) | word;
                arm();
            }
            case ALARM_HIGH -> alarmNanos = (alarmNanos & 0xffff_ffffL) | word << 32;
            case IRQ_ENABLED -> {
                interruptEnabled = (word & 1) != 0;
                updateLine();
            }
            case CLEAR_ALARM -> disarm();
            case CLEAR_INTERRUPT -> {
                interruptPending = false;
                updateLine();
            }
            default -> { }
        }
    }

    /**
     * The count's base is not saved: a restored clock reads the host's present time, as a booted
     * one does; the registers, the latch and the alarm are (a running alarm is armed again).
     */
    @Override
    public synchronized void saveState(DataOutput out) throws IOException {
        out.writeLong(latchedHigh);
        out.writeLong(alarmNanos);
        out.writeBoolean(alarmRunning);
        out.writeBoolean(interruptPending);
        out.writeBoolean(interruptEnabled);
    }

    @Override
    public synchronized void restoreState(DataInput in) throws IOException {
        latchedHigh = in.readLong();
        alarmNanos = in.readLong();
        boolean running = in.readBoolean();
        interruptPending = in.readBoolean();
        interruptEnabled = in.readBoolean();
        if (running) {
            arm();
        }
        updateLine();
    }

    /** The count: nanoseconds since the Unix epoch as the guest sees them. */
    synchronized long nowNanos() {
        return offsetNanos + ticksToNanos(clock.now());
    }

    private void setTime(long nanos) {
        offsetNanos += nanos - nowNanos();
    }

    private void arm() {
        disarm();
        long remaining = alarmNanos - nowNanos();
        if (remaining <= 0) {
            fire();
            return;
        }
        alarmRunning = true;
        long generation = alarmGeneration;
        alarm = clock.schedule(clock.now() + nanosToTicks(remaining), () -> alarmDue(generation));
    }

    private void disarm() {
        alarmRunning = false;
        alarmGeneration++;
        if (alarm != null) {
            alarm.cancel();
            alarm = null;
        }
    }

    private synchronized void alarmDue(long generation) {
        if (generation == alarmGeneration) {
            alarm = null;
            fire();
        }
    }

    private void fire() {
        alarmRunning = false;
        interruptPending = true;
        updateLine();
    }

    private void updateLine() {
        irq.set(interruptPending && interruptEnabled);
    }

    private long ticksToNanos(long ticks) {
        long frequency = clock.frequency();
        return ticks / frequency * NANOS_PER_SECOND + ticks % frequency * NANOS_PER_SECOND / frequency;
    }

    /** Rounded up, so the alarm never fires before the count has reached it. */
    private long nanosToTicks(long nanos) {
        return (nanos / NANOS_PER_SECOND) * clock.frequency()
                + ((nanos % NANOS_PER_SECOND) * clock.frequency() + NANOS_PER_SECOND - 1) / NANOS_PER_SECOND;
    }

    @Override
    public void describe(DeviceTreeContext tree, long base) {
        tree.wireInterrupt(tree.addDevice("rtc", base, SIZE), irqSource).strings("compatible", "google,goldfish-rtc");
    }
}
