package org.chariot.emulator.devices.described;

import org.chariot.emulator.devices.i2c.I2cTarget;
import org.chariot.emulator.fdt.DeviceTreeContext;
import org.chariot.emulator.fdt.Node;

/** A described chip on the I2C bus: a write's first byte sets the register address, as most sensors do. */
public final class DescribedI2cChip implements I2cTarget {

    private final DescribedDevice device;
    private final int address;
    private final ChipPort port;
    private boolean expectAddress;

    public DescribedI2cChip(DescribedDevice device) {
        this.device = device;
        this.address = ((DeviceDescription.I2c) device.description().placement()).address();
        this.port = new ChipPort(device);
    }

    @Override
    public int address() {
        return address;
    }

    @Override
    public boolean start(boolean read) {
        expectAddress = !read;
        return true;
    }

    @Override
    public boolean write(int value) {
        if (expectAddress) {
            port.address(value & 0xff);
            expectAddress = false;
        } else {
            port.write(value);
        }
        return true;
    }

    @Override
    public int read() {
        return port.read();
    }

    @Override
    public void stop() {
        port.end();
    }

    @Override
    public void describe(DeviceTreeContext tree, Node bus) {
        device.describe(tree, bus.addChild(String.format("%s@%x", device.description().nodeName(), address))
                .cells("reg", address));
    }
}
