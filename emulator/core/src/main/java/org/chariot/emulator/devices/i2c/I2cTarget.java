package org.chariot.emulator.devices.i2c;

import org.chariot.emulator.fdt.DeviceTreeContext;
import org.chariot.emulator.fdt.Node;

/**
 * A chip on an I2C bus, seen byte by byte as the controller moves it: a start condition with the
 * chip's address, bytes written or read, a stop. Calls come with the controller's lock held.
 */
public interface I2cTarget {

    /** The 7-bit address the chip answers. */
    int address();

    /** A start (or repeated start) addressed this chip for a read or a write; true to acknowledge. */
    boolean start(boolean read);

    /** A byte the controller sent; true to acknowledge it. */
    boolean write(int value);

    /** The next byte the controller reads. */
    int read();

    /** A stop condition ended the transfer. */
    void stop();

    /** Adds the chip's node under its controller's node {@code bus}. */
    void describe(DeviceTreeContext tree, Node bus);
}
