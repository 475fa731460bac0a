package org.chariot.emulator.bus;

/**
 * A memory-mapped device. Offsets are relative to the base the device is attached at, so a device
 * never knows where the machine put it. The bus gives it only accesses of the sizes it supports.
 */
public interface Device {

    /**
     * Reads {@code size} bytes (one of {@link #supportedSizes()}) at {@code offset}; the value is zero-extended.
     *
     * @throws AccessFault if the device does not support this access (its alignment, say)
     */
    long load(long offset, int size) throws AccessFault;

    /**
     * Writes the low {@code size} bytes (one of {@link #supportedSizes()}) of {@code value} at {@code offset}.
     *
     * @throws AccessFault if the device does not support this access (its alignment, say)
     */
    void store(long offset, int size, long value) throws AccessFault;

    /**
     * The access sizes the device answers, a mask of {@link #sizes}; the bus refuses any other size with an
     * access fault before the device sees it. All of 1, 2, 4 and 8 bytes unless the device says otherwise.
     */
    default int supportedSizes() {
        return sizes(1, 2, 4, 8);
    }

    /** The mask of supported sizes with bit {@code n} set for each size of {@code n} bytes. */
    static int sizes(int... bytes) {
        int mask = 0;
        for (int size : bytes) {
            mask |= 1 << size;
        }
        return mask;
    }
}
