package org.chariot.emulator.devices.i2c;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import org.chariot.emulator.fdt.DeviceTreeContext;
import org.chariot.emulator.fdt.Node;
import org.chariot.emulator.snapshot.Snapshottable;

/**
 * An LM75 temperature sensor ({@code national,lm75}, Linux's lm75 under hwmon): a pointer register
 * selects temperature (read-only), configuration (8 bits), hysteresis or over-temperature limit
 * (16 bits, most significant byte first). Temperatures are 9-bit two's complement in half degrees,
 * left-aligned in 16 bits. The temperature is what the host sets, 23.5 °C until then.
 */
public final class Lm75Sensor implements I2cTarget, Snapshottable {

    static final int TEMPERATURE = 0, CONFIGURATION = 1, HYSTERESIS = 2, OVER_TEMPERATURE = 3;
    public static final int DEFAULT_MILLI_CELSIUS = 23_500;

    private final int address;

    // State: the registers, the pointer, and where in the selected register the next byte is.
    private final int[] registers = {encode(DEFAULT_MILLI_CELSIUS), 0, encode(75_000), encode(80_000)};
    private int pointer;
    private int byteIndex;
    private boolean expectPointer;

    public Lm75Sensor(int address) {
        this.address = address;
    }

    /** The registers (the temperature too: what a test set before the snapshot) and the transfer under way. */
    @Override
    public synchronized void saveState(DataOutput out) throws IOException {
        for (int register : registers) {
            out.writeInt(register);
        }
        out.writeInt(pointer);
        out.writeInt(byteIndex);
        out.writeBoolean(expectPointer);
    }

    @Override
    public synchronized void restoreState(DataInput in) throws IOException {
        for (int i = 0; i < registers.length; i++) {
            registers[i] = in.readInt();
        }
        pointer = in.readInt();
        byteIndex = in.readInt();
        expectPointer = in.readBoolean();
    }

    /** Sets what the sensor measures, rounded down to its half-degree resolution. */
    public synchronized void setTemperature(int milliCelsius) {
        registers[TEMPERATURE] = encode(milliCelsius);
    }

    private static int encode(int milliCelsius) {
        return (Math.floorDiv(milliCelsius, 500) << 7) & 0xff80;
    }

    @Override
    public int address() {
        return address;
    }

    @Override
    public synchronized boolean start(boolean read) {
        expectPointer = !read;
        byteIndex = 0;
        return true;
    }

    @Override
    public synchronized boolean write(int value) {
        if (expectPointer) {
            pointer = value & 3;
            expectPointer = false;
        } else if (pointer == CONFIGURATION) {
            registers[CONFIGURATION] = value & 0xff;
        } else if (pointer != TEMPERATURE) {
            int shift = byteIndex == 0 ? 8 : 0;
            registers[pointer] = (registers[pointer] & ~(0xff << shift) | (value & 0xff) << shift) & 0xff80;
            byteIndex ^= 1;
        }
        return true;
    }

    @Override
    public synchronized int read() {
        if (pointer == CONFIGURATION) {
            return registers[CONFIGURATION];
        }
        int value = byteIndex == 0 ? registers[pointer] >>> 8 : registers[pointer] & 0xff;
        byteIndex ^= 1;
        return value;
    }

    @Override
    public void stop() {
    }

    @Override
    public void describe(DeviceTreeContext tree, Node bus) {
        bus.addChild(String.format("temperature-sensor@%x", address)).strings("compatible", "national,lm75")
                .cells("reg", address);
    }
}
