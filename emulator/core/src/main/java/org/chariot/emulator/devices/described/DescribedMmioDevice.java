package org.chariot.emulator.devices.described;

import org.chariot.emulator.bus.Device;
import org.chariot.emulator.bus.AccessFault;
import org.chariot.emulator.devices.PlatformDevice;
import org.chariot.emulator.devices.described.DeviceDescription.Register;
import org.chariot.emulator.fdt.DeviceTreeContext;

/**
 * A described device in its own MMIO window. Registers are little-endian; an access may touch part
 * of one register but not span two. A mapped buffer is bytes in the window. Offsets with neither
 * read as 0 and ignore writes, as unused space of real devices does.
 */
public final class DescribedMmioDevice implements PlatformDevice {

    private final DescribedDevice device;
    private final int size;

    public DescribedMmioDevice(DescribedDevice device) {
        this.device = device;
        this.size = device.description().placement().addressSpace();
    }

    /** Any size: the description says how wide each register is, and an access that runs past its register is refused (a narrower one reads or writes its lanes). */
    @Override
    public int supportedSizes() {
        return Device.sizes(1, 2, 4, 8);
    }

    @Override
    public long size() {
        return size;
    }

    @Override
    public long load(long offset, int width) throws AccessFault {
        int address = (int) offset;
        int register = device.registerAt(address);
        if (register >= 0) {
            int shift = shift(register, address, width);
            return device.read(register, lanes(width) << shift) >>> shift;
        }
        int buffer = device.bufferAt(address);
        if (buffer < 0) {
            return 0;
        }
        DeviceDescription.Buffer layout = device.buffer(buffer);
        long value = 0;
        for (int i = width - 1; i >= 0; i--) {
            int at = address + i - layout.offset();
            value = value << 8 | (at < layout.size() ? device.readBuffer(buffer, at) : 0);
        }
        return value;
    }

    @Override
    public void store(long offset, int width, long value) throws AccessFault {
        int address = (int) offset;
        int register = device.registerAt(address);
        if (register >= 0) {
            int shift = shift(register, address, width);
            device.write(register, value << shift, lanes(width) << shift);
            return;
        }
        int buffer = device.bufferAt(address);
        if (buffer >= 0) {
            DeviceDescription.Buffer layout = device.buffer(buffer);
            for (int i = 0; i < width && address + i - layout.offset() < layout.size(); i++) {
                device.writeBuffer(buffer, address + i - layout.offset(), (int) (value >>> (8 * i)));
            }
        }
    }

    private int shift(int register, int address, int width) throws AccessFault {
        Register r = device.register(register);
        if (address + width > r.offset() + r.bytes()) {
            throw new AccessFault(address, "a " + width + "-byte access at offset 0x" + Integer.toHexString(address)
                    + " runs past register " + r.name() + " of " + device.description().file());
        }
        return 8 * (address - r.offset());
    }

    private static long lanes(int width) {
        return width == 8 ? -1L : (1L << (8 * width)) - 1;
    }

    @Override
    public void describe(DeviceTreeContext tree, long base) {
        device.describe(tree, tree.addDevice(device.description().nodeName(), base, size));
    }
}
