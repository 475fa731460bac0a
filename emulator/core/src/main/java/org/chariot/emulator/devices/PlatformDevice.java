package org.chariot.emulator.devices;

import org.chariot.emulator.bus.Device;
import org.chariot.emulator.fdt.DeviceTreeContext;

/**
 * A device that the machine maps at a base address and that describes itself in the device tree,
 * so the tree the guest sees is generated from the devices that really exist.
 */
public interface PlatformDevice extends Device {

    /** Bytes of physical address space the device answers. */
    long size();

    /** Adds this device's node(s) for a device mapped at {@code base}. */
    void describe(DeviceTreeContext tree, long base);
}
