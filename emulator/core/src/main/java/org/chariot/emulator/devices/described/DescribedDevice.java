package org.chariot.emulator.devices.described;

import java.time.Duration;
import org.chariot.emulator.devices.AlarmClock;
import org.chariot.emulator.devices.GuestMemory;
import org.chariot.emulator.devices.IrqLine;
import org.chariot.emulator.devices.described.DeviceDescription.Action;
import org.chariot.emulator.devices.described.DeviceDescription.Buffer;
import org.chariot.emulator.devices.described.DeviceDescription.Operand;
import org.chariot.emulator.devices.described.DeviceDescription.Register;
import org.chariot.emulator.devices.described.DeviceDescription.Trigger;
import org.chariot.emulator.fdt.DeviceTreeContext;
import org.chariot.emulator.fdt.Node;

/**
 * A running described device: its registers and buffers, the actions its triggers set off (at once,
 * or on the machine's alarm clock), and its interrupt line. The bus adapters
 * ({@link DescribedMmioDevice}, {@link DescribedI2cChip}, {@link DescribedSpiChip}) turn accesses
 * into register reads and writes here. Its DMA goes through {@link GuestMemory}, as every device's does.
 *
 * <p>A DMA action outside guest RAM is not made and the rest of its trigger's actions are skipped:
 * the driver sees no completion, as on hardware whose bus transfer failed.
 */
public final class DescribedDevice {

    private final DeviceDescription description;
    private final Register[] registers;
    private final Buffer[] bufferLayout;
    private final Trigger[] triggers;
    private final Action[][] actions; // of each trigger, as arrays so that performing them allocates nothing
    private final AlarmClock clock;
    private final GuestMemory memory;
    private final IrqLine irq;
    private final int irqSource;
    private final int interruptRegister; // -1: no interrupt line
    private final Operand interruptMask;

    // State: register values, buffer contents, the interrupt line's level.
    private final long[] values;
    private final byte[][] buffers;
    private boolean lineHigh;

    public DescribedDevice(DeviceDescription description, AlarmClock clock, GuestMemory memory, IrqLine irq,
            int irqSource) {
        this.description = description;
        this.registers = description.registers().toArray(Register[]::new);
        this.bufferLayout = description.buffers().toArray(Buffer[]::new);
        this.triggers = description.triggers().toArray(Trigger[]::new);
        this.actions = new Action[triggers.length][];
        for (int i = 0; i < triggers.length; i++) {
            actions[i] = triggers[i].actions().toArray(Action[]::new);
        }
        this.clock = clock;
        this.memory = memory;
        this.irq = irq;
        this.irqSource = irqSource;
        this.interruptRegister = description.interrupt().map(DeviceDescription.Interrupt::register).orElse(-1);
        this.interruptMask = description.interrupt().map(DeviceDescription.Interrupt::mask).orElse(null);
        this.values = new long[registers.length];
        for (int i = 0; i < registers.length; i++) {
            values[i] = registers[i].reset();
        }
        this.buffers = new byte[bufferLayout.length][];
        for (int i = 0; i < bufferLayout.length; i++) {
            buffers[i] = new byte[bufferLayout[i].size()];
        }
        for (int t = 0; t < triggers.length; t++) {
            if (triggers[t].cause() instanceof DeviceDescription.Every) {
                schedulePeriodic(t);
            }
        }
        updateLine();
    }

    public DeviceDescription description() {
        return description;
    }

    /** The register covering byte {@code address} of the register space, or -1. */
    int registerAt(int address) {
        for (int i = 0; i < registers.length; i++) {
            if (registers[i].covers(address)) {
                return i;
            }
        }
        return -1;
    }

    /** The mapped buffer covering byte {@code address} of the register space, or -1. */
    int bufferAt(int address) {
        for (int i = 0; i < bufferLayout.length; i++) {
            if (bufferLayout[i].covers(address)) {
                return i;
            }
        }
        return -1;
    }

    Register register(int index) {
        return registers[index];
    }

    Buffer buffer(int index) {
        return bufferLayout[index];
    }

    /** A driver's read of the bits {@code lanes} of a register. */
    synchronized long read(int index, long lanes) {
        Register register = registers[index];
        long value = register.access().read(values[index]) & lanes;
        values[index] = register.access().afterRead(values[index], lanes);
        updateLine();
        return value;
    }

    /** A driver's write of {@code value} into the bits {@code lanes} of a register; its triggers follow. */
    synchronized void write(int index, long value, long lanes) {
        Register register = registers[index];
        values[index] = register.access().written(values[index], value, lanes) & register.mask();
        for (int t = 0; t < triggers.length; t++) {
            if (triggers[t].cause() instanceof DeviceDescription.OnWrite(int target, long mask) && target == index
                    && (value & lanes & mask) != 0) {
                start(t);
            }
        }
        updateLine();
    }

    synchronized int readBuffer(int index, int at) {
        return buffers[index][at] & 0xff;
    }

    synchronized void writeBuffer(int index, int at, int value) {
        buffers[index][at] = (byte) value;
    }

    /** A register's value as the device holds it, for tests and the host. */
    public synchronized long value(String name) {
        for (int i = 0; i < registers.length; i++) {
            if (registers[i].name().equals(name)) {
                return values[i];
            }
        }
        throw new IllegalArgumentException("no register " + name);
    }

    private void start(int trigger) {
        if (triggers[trigger].delay().isZero()) {
            perform(trigger);
        } else {
            clock.schedule(clock.now() + ticks(triggers[trigger].delay()), () -> performLater(trigger));
        }
    }

    private void schedulePeriodic(int trigger) {
        clock.schedule(clock.now() + ticks(triggers[trigger].delay()), () -> {
            performLater(trigger);
            schedulePeriodic(trigger);
        });
    }

    private synchronized void performLater(int trigger) {
        perform(trigger);
        updateLine();
    }

    private void perform(int trigger) {
        for (Action action : actions[trigger]) {
            if (!perform(action)) {
                return;
            }
        }
    }

    /** Does one action; false if it was a DMA that could not be made. */
    private boolean perform(Action action) {
        switch (action) {
            case DeviceDescription.SetBits(int r, Operand v) -> set(r, values[r] | value(v));
            case DeviceDescription.ClearBits(int r, Operand v) -> set(r, values[r] & ~value(v));
            case DeviceDescription.Assign(int r, Operand v) -> set(r, value(v));
            case DeviceDescription.Add(int r, Operand v) -> set(r, values[r] + value(v));
            case DeviceDescription.ReadMemory(Operand address, Operand length, int b) -> {
                return dma(value(address), length(length, b), b, true);
            }
            case DeviceDescription.WriteMemory(Operand address, Operand length, int b) -> {
                return dma(value(address), length(length, b), b, false);
            }
        }
        return true;
    }

    private void set(int register, long value) {
        values[register] = value & registers[register].mask();
    }

    private long value(Operand operand) {
        return operand.register() < 0 ? operand.constant() : values[operand.register()];
    }

    private int length(Operand length, int buffer) {
        long bytes = value(length);
        return (int) Math.min(Long.compareUnsigned(bytes, Integer.MAX_VALUE) > 0 ? Integer.MAX_VALUE : bytes,
                buffers[buffer].length);
    }

    private boolean dma(long address, int length, int buffer, boolean fromMemory) {
        try {
            if (fromMemory) {
                memory.read(address, buffers[buffer], 0, length);
            } else {
                memory.write(address, buffers[buffer], 0, length);
            }
            return true;
        } catch (IllegalArgumentException outsideRam) {
            return false;
        }
    }

    private void updateLine() {
        boolean high = interruptRegister >= 0 && (values[interruptRegister] & value(interruptMask)) != 0;
        if (high != lineHigh) {
            lineHigh = high;
            irq.set(high);
        }
    }

    private long ticks(Duration duration) {
        long frequency = clock.frequency();
        return duration.getSeconds() * frequency + (duration.getNano() * frequency + 999_999_999L) / 1_000_000_000L;
    }

    /** Adds what every bus's node has: compatible, the interrupt, the file's properties. */
    void describe(DeviceTreeContext tree, Node node) {
        node.strings("compatible", description.compatible().toArray(String[]::new));
        if (interruptRegister >= 0) {
            tree.wireInterrupt(node, irqSource);
        }
        for (DeviceDescription.Property property : description.properties()) {
            if (property.text() != null) {
                node.strings(property.name(), property.text());
            } else {
                node.cells(property.name(), property.cells().stream().mapToInt(Long::intValue).toArray());
            }
        }
    }
}
