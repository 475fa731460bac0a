package org.chariot.emulator.devices.gpio;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import org.chariot.emulator.bus.Device;
import java.util.Arrays;
import java.util.List;
import org.chariot.emulator.devices.IrqLine;
import org.chariot.emulator.devices.PlatformDevice;
import org.chariot.emulator.fdt.DeviceTreeContext;
import org.chariot.emulator.snapshot.Snapshottable;

/**
 * SiFive's GPIO controller ({@code sifive,gpio0}, Linux's gpio-sifive) with {@value #LINES} lines,
 * each with its own interrupt into the PLIC, as the driver wants. A pin is what drives it: its own
 * output when output-enabled (OUTPUT_VAL xor OUTPUT_XOR), else what {@link GpioInput}s or
 * {@link #drive} put on it from outside, else its pull-up. INPUT_VAL is the pins of input-enabled
 * lines; rise, fall, high and low pending bits follow that value (write 1 to clear; a level bit is
 * set again while the level lasts), and a line's interrupt is high while an enabled one is pending.
 */
public final class SifiveGpio implements PlatformDevice, Snapshottable {

    public static final int LINES = 8;
    static final int INPUT_VAL = 0x00, INPUT_EN = 0x04, OUTPUT_EN = 0x08, OUTPUT_VAL = 0x0c, PULLUP = 0x10;
    static final int DRIVE = 0x14, RISE_IE = 0x18, RISE_IP = 0x1c, FALL_IE = 0x20, FALL_IP = 0x24;
    static final int HIGH_IE = 0x28, HIGH_IP = 0x2c, LOW_IE = 0x30, LOW_IP = 0x34, IOF_EN = 0x38, IOF_SEL = 0x3c;
    static final int OUTPUT_XOR = 0x40;
    private static final long SIZE = 0x1000;
    private static final int MASK = (1 << LINES) - 1;

    private final IrqLine[] irqs;
    private final int firstIrqSource;
    private final int[] wiredFrom = new int[LINES];

    // State: the registers, what drives the pins from outside, and the last input value (for edges).
    private int inputEnable, outputEnable, outputValue, pullup, drive, outputXor, iofEnable, iofSelect;
    private int riseEnable, risePending, fallEnable, fallPending, highEnable, highPending, lowEnable, lowPending;
    private int externallyDriven, externalLevel;
    private int lastInput;
    private int interrupting;

    /** @param irqs the interrupt of each line, PLIC sources {@code firstIrqSource} onwards */
    public SifiveGpio(List<IrqLine> irqs, int firstIrqSource, List<GpioInput> inputs) {
        if (irqs.size() != LINES) {
            throw new IllegalArgumentException("the GPIO controller needs " + LINES + " interrupt lines");
        }
        this.irqs = irqs.toArray(IrqLine[]::new);
        this.firstIrqSource = firstIrqSource;
        Arrays.fill(wiredFrom, -1);
        for (GpioInput input : inputs) {
            if (input.wired()) {
                wiredFrom[input.line()] = input.fromLine();
            } else {
                externallyDriven |= 1 << input.line();
                externalLevel = input.high() ? externalLevel | 1 << input.line() : externalLevel & ~(1 << input.line());
            }
        }
    }

    /**
     * The registers, the pending bits and the last input; not what drives the pins from outside,
     * which is the board's (a run with --gpio inputs boots).
     */
    @Override
    public synchronized void saveState(DataOutput out) throws IOException {
        for (int register : new int[] {inputEnable, outputEnable, outputValue, pullup, drive, outputXor, iofEnable,
            iofSelect, riseEnable, risePending, fallEnable, fallPending, highEnable, highPending, lowEnable,
            lowPending, lastInput, interrupting}) {
            out.writeInt(register);
        }
    }

    @Override
    public synchronized void restoreState(DataInput in) throws IOException {
        inputEnable = in.readInt();
        outputEnable = in.readInt();
        outputValue = in.readInt();
        pullup = in.readInt();
        drive = in.readInt();
        outputXor = in.readInt();
        iofEnable = in.readInt();
        iofSelect = in.readInt();
        riseEnable = in.readInt();
        risePending = in.readInt();
        fallEnable = in.readInt();
        fallPending = in.readInt();
        highEnable = in.readInt();
        highPending = in.readInt();
        lowEnable = in.readInt();
        lowPending = in.readInt();
        lastInput = in.readInt();
        interrupting = in.readInt();
        for (int line = 0; line < LINES; line++) {
            irqs[line].set((interrupting >>> line & 1) != 0);
        }
    }

    /** Drives {@code line} from outside at {@code high} (a test's or a board's signal); it no longer follows a wire. */
    public synchronized void drive(int line, boolean high) {
        wiredFrom[line] = -1;
        externallyDriven |= 1 << line;
        externalLevel = high ? externalLevel | 1 << line : externalLevel & ~(1 << line);
        update();
    }

    /** The level on each pin, bit n for line n. */
    public synchronized int pins() {
        int pins = 0;
        for (int line = 0; line < LINES; line++) {
            pins |= pin(line) << line;
        }
        return pins;
    }

    private int pin(int line) {
        int bit = 1 << line;
        if ((outputEnable & bit) != 0) {
            return (outputValue ^ outputXor) >>> line & 1;
        }
        int from = wiredFrom[line];
        if (from >= 0 && (outputEnable & 1 << from) != 0) {
            return (outputValue ^ outputXor) >>> from & 1;
        }
        return ((externallyDriven & bit) != 0 ? externalLevel : pullup) >>> line & 1;
    }

    /** 32-bit registers: gpio-sifive drives them through gpio-mmio with a 4-byte register width. */
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
            case INPUT_VAL -> lastInput;
            case INPUT_EN -> inputEnable;
            case OUTPUT_EN -> outputEnable;
            case OUTPUT_VAL -> outputValue;
            case PULLUP -> pullup;
            case DRIVE -> drive;
            case RISE_IE -> riseEnable;
            case RISE_IP -> risePending;
            case FALL_IE -> fallEnable;
            case FALL_IP -> fallPending;
            case HIGH_IE -> highEnable;
            case HIGH_IP -> highPending;
            case LOW_IE -> lowEnable;
            case LOW_IP -> lowPending;
            case IOF_EN -> iofEnable;
            case IOF_SEL -> iofSelect;
            case OUTPUT_XOR -> outputXor;
            default -> 0;
        };
    }

    @Override
    public synchronized void store(long offset, int size, long value) {
        int word = (int) value & MASK;
        switch ((int) offset) {
            case INPUT_EN -> inputEnable = word;
            case OUTPUT_EN -> outputEnable = word;
            case OUTPUT_VAL -> outputValue = word;
            case PULLUP -> pullup = word;
            case DRIVE -> drive = word;
            case RISE_IE -> riseEnable = word;
            case RISE_IP -> risePending &= ~word;
            case FALL_IE -> fallEnable = word;
            case FALL_IP -> fallPending &= ~word;
            case HIGH_IE -> highEnable = word;
            case HIGH_IP -> highPending &= ~word;
            case LOW_IE -> lowEnable = word;
            case LOW_IP -> lowPending &= ~word;
            case IOF_EN -> iofEnable = word;
            case IOF_SEL -> iofSelect = word;
            case OUTPUT_XOR -> outputXor = word;
            default -> { }
        }
        update();
    }

    /** Takes the pins in: edges since the last value and the present levels become pending; lines follow. */
    private void update() {
        int input = 0;
        for (int line = 0; line < LINES; line++) {
            input |= pin(line) << line;
        }
        input &= inputEnable;
        risePending |= input & ~lastInput;
        fallPending |= ~input & lastInput & MASK;
        highPending |= input;
        lowPending |= ~input & inputEnable;
        lastInput = input;
        int now = (risePending & riseEnable) | (fallPending & fallEnable) | (highPending & highEnable)
                | (lowPending & lowEnable);
        int changed = now ^ interrupting;
        interrupting = now;
        for (int line = 0; line < LINES; line++) {
            if ((changed >>> line & 1) != 0) {
                irqs[line].set((now >>> line & 1) != 0);
            }
        }
    }

    @Override
    public void describe(DeviceTreeContext tree, long base) {
        int[] sources = new int[LINES];
        for (int line = 0; line < LINES; line++) {
            sources[line] = firstIrqSource + line;
        }
        tree.addDevice("gpio", base, SIZE).strings("compatible", "sifive,gpio0")
                .cells("interrupt-parent", tree.phandle(DeviceTreeContext.PLIC)).cells("interrupts", sources)
                .flag("gpio-controller").cells("#gpio-cells", 2)
                .flag("interrupt-controller").cells("#interrupt-cells", 2).cells("#address-cells", 0);
    }
}
