package org.chariot.emulator.devices;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

import org.chariot.emulator.snapshot.Snapshottable;
import org.chariot.emulator.cpu.InterruptTarget;
import org.chariot.emulator.fdt.DeviceTreeContext;
import org.chariot.emulator.fdt.Node;

/**
 * The core-local interruptor of one hart (SiFive CLINT layout, as QEMU's virt): {@code msip} drives
 * MSIP, {@code mtimecmp} against {@code mtime} drives MTIP. {@code mtime} is the machine clock and
 * is read-only here, so it always agrees with the hart's {@code time} CSR.
 */
public final class Clint implements PlatformDevice, Snapshottable {

    static final long MSIP = 0x0000, MTIMECMP = 0x4000, MTIME = 0xbff8;
    private static final long SIZE = 0x10000;

    private final AlarmClock clock;
    private final InterruptTarget hart;
    private boolean softwareInterrupt;
    private long timeCompare = -1L;
    private AlarmClock.Alarm alarm;

    public Clint(AlarmClock clock, InterruptTarget hart) {
        this.clock = clock;
        this.hart = hart;
    }

    @Override
    public long size() {
        return SIZE;
    }

    @Override
    public synchronized long load(long offset, int size) {
        if (offset >= MSIP && offset < MSIP + 4) {
            return Registers.read(softwareInterrupt ? 1 : 0, offset - MSIP, size);
        }
        if (offset >= MTIMECMP && offset < MTIMECMP + 8) {
            return Registers.read(timeCompare, offset - MTIMECMP, size);
        }
        if (offset >= MTIME && offset < MTIME + 8) {
            return Registers.read(clock.now(), offset - MTIME, size);
        }
        return 0;
    }

    @Override
    public synchronized void store(long offset, int size, long value) {
        if (offset >= MSIP && offset < MSIP + 4) {
            softwareInterrupt = (Registers.write(softwareInterrupt ? 1 : 0, offset - MSIP, size, value) & 1) != 0;
            hart.setPending(InterruptTarget.MSIP, softwareInterrupt);
        } else if (offset >= MTIMECMP && offset < MTIMECMP + 8) {
            setTimeCompare(Registers.write(timeCompare, offset - MTIMECMP, size, value));
        }
    }

    private void setTimeCompare(long deadline) {
        timeCompare = deadline;
        if (alarm != null) {
            alarm.cancel();
            alarm = null;
        }
        if (Long.compareUnsigned(clock.now(), deadline) >= 0) {
            hart.setPending(InterruptTarget.MTIP, true);
        } else {
            hart.setPending(InterruptTarget.MTIP, false);
            alarm = clock.schedule(deadline, this::deadlineReached);
        }
    }

    private synchronized void deadlineReached() {
        if (Long.compareUnsigned(clock.now(), timeCompare) >= 0) {
            hart.setPending(InterruptTarget.MTIP, true);
        }
    }

    @Override
    public synchronized void saveState(DataOutput out) throws IOException {
        out.writeBoolean(softwareInterrupt);
        out.writeLong(timeCompare);
    }

    @Override
    public synchronized void restoreState(DataInput in) throws IOException {
        softwareInterrupt = in.readBoolean();
        hart.setPending(InterruptTarget.MSIP, softwareInterrupt);
        long deadline = in.readLong();
        if (deadline != -1L) {
            setTimeCompare(deadline);
        }
    }

    @Override
    public void describe(DeviceTreeContext tree, long base) {
        int intc = tree.phandle(DeviceTreeContext.CPU_INTC);
        Node node = tree.addDevice("clint", base, SIZE);
        node.strings("compatible", "sifive,clint0", "riscv,clint0")
                .cells("interrupts-extended", intc, InterruptTarget.MSIP, intc, InterruptTarget.MTIP);
    }
}
