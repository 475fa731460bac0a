package org.chariot.emulator.devices.i2c;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.Arrays;
import org.chariot.emulator.fdt.DeviceTreeContext;
import org.chariot.emulator.fdt.Node;
import org.chariot.emulator.snapshot.Snapshottable;

/**
 * An AT24C02 serial EEPROM ({@code atmel,24c02}, Linux's at24): 256 bytes behind an 8-bit word
 * address. A write transfer's first byte sets the address, later bytes are stored there and roll
 * over inside their 8-byte page, as the chip does; reads go on from the address across the whole
 * array. A blank chip reads 0xff; writes complete at once (no busy time).
 */
public final class At24Eeprom implements I2cTarget, Snapshottable {

    static final int SIZE = 256;
    static final int PAGE = 8;

    private final int address;

    // State: the array and the word address; whether the next written byte is the word address.
    private final byte[] memory = new byte[SIZE];
    private int wordAddress;
    private boolean expectWordAddress;

    public At24Eeprom(int address) {
        this.address = address;
        Arrays.fill(memory, (byte) 0xff);
    }

    @Override
    public synchronized void saveState(DataOutput out) throws IOException {
        out.write(memory);
        out.writeInt(wordAddress);
        out.writeBoolean(expectWordAddress);
    }

    @Override
    public synchronized void restoreState(DataInput in) throws IOException {
        in.readFully(memory);
        wordAddress = in.readInt();
        expectWordAddress = in.readBoolean();
    }

    @Override
    public int address() {
        return address;
    }

    @Override
    public synchronized boolean start(boolean read) {
        expectWordAddress = !read;
        return true;
    }

    @Override
    public synchronized boolean write(int value) {
        if (expectWordAddress) {
            wordAddress = value & (SIZE - 1);
            expectWordAddress = false;
        } else {
            memory[wordAddress] = (byte) value;
            wordAddress = (wordAddress & ~(PAGE - 1)) | ((wordAddress + 1) & (PAGE - 1));
        }
        return true;
    }

    @Override
    public synchronized int read() {
        int value = memory[wordAddress] & 0xff;
        wordAddress = (wordAddress + 1) & (SIZE - 1);
        return value;
    }

    @Override
    public synchronized void stop() {
        expectWordAddress = false;
    }

    /** A copy of the array, for tests and the host's view of the chip. */
    public synchronized byte[] contents() {
        return memory.clone();
    }

    @Override
    public void describe(DeviceTreeContext tree, Node bus) {
        bus.addChild(String.format("eeprom@%x", address)).strings("compatible", "atmel,24c02").cells("reg", address)
                .cells("pagesize", PAGE);
    }
}
