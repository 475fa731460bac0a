package org.chariot.emulator.devices;

/** Byte-lane helpers for registers wider than the access that touches them. */
public final class Registers {

    private Registers() {
    }

    /** The {@code size} bytes at {@code byteOffset} inside a 64-bit register value. */
    public static long read(long register, long byteOffset, int size) {
        long shifted = register >>> (8 * byteOffset);
        return size == 8 ? shifted : shifted & ((1L << (8 * size)) - 1);
    }

    /** The register after writing {@code size} bytes of {@code value} at {@code byteOffset}. */
    public static long write(long register, long byteOffset, int size, long value) {
        long mask = size == 8 ? -1L : ((1L << (8 * size)) - 1) << (8 * byteOffset);
        return (register & ~mask) | ((value << (8 * byteOffset)) & mask);
    }
}
