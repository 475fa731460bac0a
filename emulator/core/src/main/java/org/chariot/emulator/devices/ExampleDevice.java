package org.chariot.emulator.devices;

import org.chariot.emulator.fdt.DeviceTreeContext;

/**
 * Chariot's example MMIO device, for the example platform driver: 32-bit registers ID, SCRATCH,
 * COUNTDOWN (counts down once per microsecond of guest time and raises its interrupt when it reaches
 * zero) and IRQ_STATUS (bit 0: expired; writing 1 acknowledges and lowers the level-triggered line).
 */
public final class ExampleDevice implements PlatformDevice {

    public static final int ID_VALUE = 0x43484152; // "CHAR"
    static final int ID = 0x0, SCRATCH = 0x4, COUNTDOWN = 0x8, IRQ_STATUS = 0xc;
    static final int EXPIRED = 0x1;
    private static final long SIZE = 0x1000;
    private static final long MICROS_PER_SECOND = 1_000_000;

    private final AlarmClock clock;
    private final IrqLine irq;
    private final int irqSource;
    private int scratch;
    private int status;
    private long deadline;
    private long countdownGeneration; // an alarm of an overwritten countdown must not fire
    private AlarmClock.Alarm alarm;

    public ExampleDevice(AlarmClock clock, IrqLine irq, int irqSource) {
        this.clock = clock;
        this.irq = irq;
        this.irqSource = irqSource;
    }

    @Override
    public long size() {
        return SIZE;
    }

    @Override
    public synchronized long load(long offset, int size) {
        return switch ((int) offset) {
            case ID -> ID_VALUE;
            case SCRATCH -> scratch & 0xffff_ffffL;
            case COUNTDOWN -> remainingMicros();
            case IRQ_STATUS -> status;
            default -> 0;
        };
    }

    @Override
    public synchronized void store(long offset, int size, long value) {
        switch ((int) offset) {
            case SCRATCH -> scratch = (int) value;
            case COUNTDOWN -> startCountdown(value & 0xffff_ffffL);
            case IRQ_STATUS -> {
                status &= ~((int) value & EXPIRED);
                irq.set(status != 0);
            }
            default -> { }
        }
    }

    private void startCountdown(long micros) {
        if (alarm != null) {
            alarm.cancel();
            alarm = null;
        }
        long generation = ++countdownGeneration;
        deadline = clock.now() + micros * ticksPerMicro();
        if (micros != 0) {
            alarm = clock.schedule(deadline, () -> expire(generation));
        }
    }

    private long remainingMicros() {
        long ticksLeft = deadline - clock.now();
        return ticksLeft <= 0 ? 0 : (ticksLeft + ticksPerMicro() - 1) / ticksPerMicro();
    }

    private long ticksPerMicro() {
        return Math.max(1, clock.frequency() / MICROS_PER_SECOND);
    }

    private synchronized void expire(long generation) {
        if (generation != countdownGeneration) {
            return;
        }
        alarm = null;
        status |= EXPIRED;
        irq.set(true);
    }

    @Override
    public void describe(DeviceTreeContext tree, long base) {
        tree.wireInterrupt(tree.addDevice("example", base, SIZE), irqSource)
                .strings("compatible", "chariot,example-device");
    }
}
