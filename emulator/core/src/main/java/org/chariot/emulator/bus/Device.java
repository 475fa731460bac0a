package org.chariot.emulator.bus;

/**
 * A memory-mapped device. Offsets are relative to the base the device is attached at, so a device
 * never knows where the machine put it.
 */
public interface Device {

    /**
     * Reads {@code size} bytes (1, 2, 4 or 8) at {@code offset}; the value is zero-extended.
     *
     * @throws AccessFault if the device does not support this access (size, alignment)
     */
    long load(long offset, int size) throws AccessFault;

    /**
     * Writes the low {@code size} bytes (1, 2, 4 or 8) of {@code value} at {@code offset}.
     *
     * @throws AccessFault if the device does not support this access (size, alignment)
     */
    void store(long offset, int size, long value) throws AccessFault;
}
