package org.chariot.emulator.bus;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/** Little-endian guest RAM backed by one byte array; the MMU reads it directly on its fast path. */
public final class Ram implements Device {

    private static final VarHandle SHORT = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private final byte[] bytes;

    public Ram(int size) {
        this.bytes = new byte[size];
    }

    public int size() {
        return bytes.length;
    }

    /** The backing array, for loaders and the MMU's fast path; index = offset from the RAM base. */
    public byte[] bytes() {
        return bytes;
    }

    @Override
    public long load(long offset, int size) {
        int i = (int) offset;
        return switch (size) {
            case 1 -> bytes[i] & 0xffL;
            case 2 -> (short) SHORT.get(bytes, i) & 0xffffL;
            case 4 -> (int) INT.get(bytes, i) & 0xffff_ffffL;
            case 8 -> (long) LONG.get(bytes, i);
            default -> throw new IllegalArgumentException("access size " + size);
        };
    }

    @Override
    public void store(long offset, int size, long value) {
        int i = (int) offset;
        switch (size) {
            case 1 -> bytes[i] = (byte) value;
            case 2 -> SHORT.set(bytes, i, (short) value);
            case 4 -> INT.set(bytes, i, (int) value);
            case 8 -> LONG.set(bytes, i, value);
            default -> throw new IllegalArgumentException("access size " + size);
        }
    }
}
