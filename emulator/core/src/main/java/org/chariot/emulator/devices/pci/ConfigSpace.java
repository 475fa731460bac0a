package org.chariot.emulator.devices.pci;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * The 256 bytes of a function's configuration space as registers with a write mask per bit:
 * software writes land only where the mask allows, so read-only identity, BAR sizing (the bits
 * below a BAR's size never take a write) and reserved fields all follow from the masks. Little
 * endian, accessed 1, 2 or 4 bytes at a time.
 */
final class ConfigSpace {

    static final int SIZE = 256;

    private final byte[] value = new byte[SIZE];
    private final byte[] writable = new byte[SIZE];

    /** Reads {@code size} bytes at {@code offset}, zero-extended. */
    long read(int offset, int size) {
        long result = 0;
        for (int i = size - 1; i >= 0; i--) {
            result = result << 8 | (value[offset + i] & 0xff);
        }
        return result;
    }

    /** Writes {@code size} bytes of {@code data} at {@code offset} where the mask allows. */
    void write(int offset, int size, long data) {
        for (int i = 0; i < size; i++) {
            int at = offset + i;
            byte incoming = (byte) (data >>> (8 * i));
            value[at] = (byte) (value[at] & ~writable[at] | incoming & writable[at]);
        }
    }

    /** The values: the write masks follow from the function's definition. */
    void save(DataOutput out) throws IOException {
        out.write(value);
    }

    void restore(DataInput in) throws IOException {
        in.readFully(value);
    }

    /** Sets a register's reset value and which of its bits software may change. */
    void define(int offset, int size, long resetValue, long writableBits) {
        for (int i = 0; i < size; i++) {
            value[offset + i] = (byte) (resetValue >>> (8 * i));
            writable[offset + i] = (byte) (writableBits >>> (8 * i));
        }
    }

    /** Sets bits of a read-only register from the device's side (status bits). */
    void setBits(int offset, int bits, boolean on) {
        value[offset] = (byte) (on ? value[offset] | bits : value[offset] & ~bits);
    }
}
