package org.chariot.emulator.devices.i2c;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import org.chariot.emulator.bus.Device;
import org.chariot.emulator.devices.IrqLine;
import org.chariot.emulator.devices.PlatformDevice;
import org.chariot.emulator.fdt.DeviceTreeContext;
import org.chariot.emulator.fdt.Node;
import org.chariot.emulator.snapshot.SnapshotParts;
import org.chariot.emulator.snapshot.Snapshottable;

/**
 * The OpenCores I2C master ({@code opencores,i2c-ocores}, Linux's i2c-ocores) with byte registers
 * 4 bytes apart (reg-shift 2, as SiFive's copy of it), and the chips on its bus. Each command
 * completes at once: the status shows the transfer done and the interrupt flag set, and the line is
 * high while that flag is set and the core's interrupts are enabled.
 */
public final class OcoresI2c implements PlatformDevice, Snapshottable {

    static final int PRESCALE_LOW = 0x00, PRESCALE_HIGH = 0x04, CONTROL = 0x08, DATA = 0x0c, COMMAND_STATUS = 0x10;
    static final int CONTROL_ENABLE = 0x80, CONTROL_INTERRUPTS = 0x40;
    static final int COMMAND_START = 0x80, COMMAND_STOP = 0x40, COMMAND_READ = 0x20, COMMAND_WRITE = 0x10;
    static final int COMMAND_ACK_INTERRUPT = 0x01;
    static final int STATUS_NO_ACK = 0x80, STATUS_BUSY = 0x40, STATUS_INTERRUPT = 0x01;
    private static final long SIZE = 0x1000;
    private static final int BUS_HZ = 100_000;

    private final IrqLine irq;
    private final int irqSource;
    private final int inputClockHz;
    private final I2cTarget[] targets = new I2cTarget[128];

    // State: the registers, and the chip the current transfer addressed.
    private int prescale = 0xffff;
    private int control;
    private int transmit, receive;
    private boolean noAck, busy, interruptFlag;
    private I2cTarget addressed;

    /** @param inputClockHz the core's input clock, from which the driver derives its prescaler */
    public OcoresI2c(IrqLine irq, int irqSource, int inputClockHz) {
        this.irq = irq;
        this.irqSource = irqSource;
        this.inputClockHz = inputClockHz;
    }

    /** Its registers are saved here, then each chip's state; every chip on the bus must be able to save it. */
    @Override
    public synchronized boolean canSnapshot() {
        return SnapshotParts.canSnapshot(targets);
    }

    @Override
    public synchronized void saveState(DataOutput out) throws IOException {
        for (int register : new int[] {prescale, control, transmit, receive}) {
            out.writeInt(register);
        }
        out.writeBoolean(noAck);
        out.writeBoolean(busy);
        out.writeBoolean(interruptFlag);
        out.writeInt(addressed == null ? -1 : addressed.address());
        SnapshotParts.save(targets, out);
    }

    @Override
    public synchronized void restoreState(DataInput in) throws IOException {
        prescale = in.readInt();
        control = in.readInt();
        transmit = in.readInt();
        receive = in.readInt();
        noAck = in.readBoolean();
        busy = in.readBoolean();
        interruptFlag = in.readBoolean();
        int address = in.readInt();
        addressed = address < 0 ? null : targets[address];
        SnapshotParts.restore(targets, in);
        irq.set(interruptFlag && (control & CONTROL_INTERRUPTS) != 0);
    }

    /** Puts a chip on the bus; its address must be free. */
    public synchronized void connect(I2cTarget target) {
        int address = target.address();
        if (address < 0 || address >= targets.length || targets[address] != null) {
            throw new IllegalArgumentException(String.format("I2C address 0x%02x is %s", address,
                    address < 0 || address >= targets.length ? "not a 7-bit address" : "taken"));
        }
        targets[address] = target;
    }

    /** True if a chip answers {@code address}. */
    public synchronized boolean answers(int address) {
        return targets[address] != null;
    }

    /** 8-bit registers 4 bytes apart: i2c-ocores accesses them with 8-bit accessors for the node's reg-io-width 1, with 32-bit ones for reg-io-width 4 (the register is then the low byte). */
    @Override
    public int supportedSizes() {
        return Device.sizes(1, 4);
    }

    @Override
    public long size() {
        return SIZE;
    }

    @Override
    public synchronized long load(long offset, int size) {
        return switch ((int) offset) {
            case PRESCALE_LOW -> prescale & 0xff;
            case PRESCALE_HIGH -> prescale >>> 8;
            case CONTROL -> control;
            case DATA -> receive;
            case COMMAND_STATUS -> (noAck ? STATUS_NO_ACK : 0) | (busy ? STATUS_BUSY : 0)
                    | (interruptFlag ? STATUS_INTERRUPT : 0);
            default -> 0;
        };
    }

    @Override
    public synchronized void store(long offset, int size, long value) {
        int b = (int) value & 0xff;
        switch ((int) offset) {
            case PRESCALE_LOW -> prescale = (prescale & 0xff00) | b;
            case PRESCALE_HIGH -> prescale = (prescale & 0xff) | b << 8;
            case CONTROL -> control = b & (CONTROL_ENABLE | CONTROL_INTERRUPTS);
            case DATA -> transmit = b;
            case COMMAND_STATUS -> command(b);
            default -> { }
        }
        irq.set(interruptFlag && (control & CONTROL_INTERRUPTS) != 0);
    }

    private void command(int command) {
        if ((command & COMMAND_ACK_INTERRUPT) != 0) {
            interruptFlag = false;
        }
        if ((control & CONTROL_ENABLE) == 0) {
            return;
        }
        if ((command & COMMAND_WRITE) != 0) {
            noAck = !((command & COMMAND_START) != 0 ? addressPhase() : addressed != null && addressed.write(transmit));
            interruptFlag = true;
        } else if ((command & COMMAND_READ) != 0) {
            receive = addressed == null ? 0xff : addressed.read() & 0xff;
            interruptFlag = true;
        }
        if ((command & COMMAND_STOP) != 0) {
            if (addressed != null) {
                addressed.stop();
                addressed = null;
            }
            busy = false;
            interruptFlag = true;
        }
    }

    /** A start condition sends the data register as the address byte: 7 bits and the read bit. */
    private boolean addressPhase() {
        busy = true;
        I2cTarget target = targets[transmit >>> 1];
        boolean ack = target != null && target.start((transmit & 1) != 0);
        if (addressed != null && addressed != target) {
            addressed.stop();
        }
        addressed = ack ? target : null;
        return ack;
    }

    @Override
    public synchronized void describe(DeviceTreeContext tree, long base) {
        Node node = tree.wireInterrupt(tree.addDevice("i2c", base, SIZE), irqSource)
                .strings("compatible", "opencores,i2c-ocores")
                .cells("reg-shift", 2).cells("reg-io-width", 1)
                .cells("opencores,ip-clock-frequency", inputClockHz).cells("clock-frequency", BUS_HZ)
                .cells("#address-cells", 1).cells("#size-cells", 0);
        for (I2cTarget target : targets) {
            if (target != null) {
                target.describe(tree, node);
            }
        }
    }
}
