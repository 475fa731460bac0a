package org.chariot.emulator.devices;

/** Sees each device's write to guest memory before it lands, and may refuse it (the bytes stay as they were). */
public interface DmaObserver {

    /**
     * Called before {@code master} writes {@code data} at physical {@code address}, from the thread
     * that runs the device (the hart's); returns whether the write lands.
     */
    boolean beforeDeviceWrite(DmaMaster master, long address, byte[] data);
}
