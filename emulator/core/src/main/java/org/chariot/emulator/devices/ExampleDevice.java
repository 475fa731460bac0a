package org.chariot.emulator.devices;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

import org.chariot.emulator.snapshot.Snapshottable;
import org.chariot.emulator.bus.AccessFault;
import org.chariot.emulator.bus.Device;
import org.chariot.emulator.fdt.DeviceTreeContext;

/**
 * Chariot's example MMIO device, as examples/drivers/platform/DEVICE.md specifies it: 32-bit
 * registers ID, SCRATCH, COUNTDOWN (decrements once per tick of the machine timer; reaching zero
 * sets STATUS.EXPIRED) and STATUS (write 1 to clear); the level-triggered interrupt line is high
 * exactly while EXPIRED is set. Only aligned 32-bit accesses are supported.
 */
public final class ExampleDevice implements PlatformDevice, Snapshottable {

    public static final int ID_VALUE = 0x43484152; // "CHAR"
    static final int ID = 0x0, SCRATCH = 0x4, COUNTDOWN = 0x8, STATUS = 0xc;
    static final int EXPIRED = 0x1;
    private static final long SIZE = 0x1000;

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
    public int supportedSizes() {
        return Device.sizes(4);
    }

    @Override
    public long size() {
        return SIZE;
    }

    @Override
    public synchronized long load(long offset, int size) throws AccessFault {
        requireAligned(offset);
        return switch ((int) offset) {
            case ID -> ID_VALUE;
            case SCRATCH -> scratch & 0xffff_ffffL;
            case COUNTDOWN -> remainingTicks();
            case STATUS -> status;
            default -> 0;
        };
    }

    @Override
    public synchronized void store(long offset, int size, long value) throws AccessFault {
        requireAligned(offset);
        switch ((int) offset) {
            case SCRATCH -> scratch = (int) value;
            case COUNTDOWN -> startCountdown(value & 0xffff_ffffL);
            case STATUS -> {
                status &= ~((int) value & EXPIRED);
                irq.set(status != 0);
            }
            default -> { }
        }
    }

    private static void requireAligned(long offset) throws AccessFault {
        if ((offset & 3) != 0) {
            throw new AccessFault(offset, "the example device supports only aligned 32-bit accesses");
        }
    }

    private void startCountdown(long ticks) {
        if (alarm != null) {
            alarm.cancel();
            alarm = null;
        }
        long generation = ++countdownGeneration;
        deadline = clock.now() + ticks;
        if (ticks != 0) {
            alarm = clock.schedule(deadline, () -> expire(generation));
        }
    }

    private long remainingTicks() {
        return alarm == null ? 0 : Math.max(0, deadline - clock.now());
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
    public synchronized void saveState(DataOutput out) throws IOException {
        out.writeInt(scratch);
        out.writeInt(status);
        out.writeLong(remainingTicks());
    }

    @Override
    public synchronized void restoreState(DataInput in) throws IOException {
        scratch = in.readInt();
        status = in.readInt();
        startCountdown(in.readLong());
        irq.set(status != 0);
    }

    @Override
    public void describe(DeviceTreeContext tree, long base) {
        tree.wireInterrupt(tree.addDevice("example", base, SIZE), irqSource)
                .strings("compatible", "chariot,example-device");
    }
}
