package org.chariot.emulator.bus;

/**
 * A memory-mapped device. Offsets are relative to the base the device is attached at, so a device
 * never knows where the machine put it.
 */
public interface Device {

    /** Reads {@code size} bytes (1, 2, 4 or 8) at {@code offset}; the value is zero-extended. */
    long load(long offset, int size);

    /** Writes the low {@code size} bytes (1, 2, 4 or 8) of {@code value} at {@code offset}. */
    void store(long offset, int size, long value);
}
