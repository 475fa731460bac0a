package org.chariot.emulator.devices.described;

import org.chariot.emulator.devices.spi.SpiTarget;
import org.chariot.emulator.fdt.DeviceTreeContext;
import org.chariot.emulator.fdt.Node;

/**
 * A described chip on the SPI bus. Each selection starts with a command byte: bit 7 set reads, clear
 * writes, bits 6..0 are the register address; the bytes after it are data from or to that address
 * onwards (a common convention of SPI sensors). The chip sends 0xff while it is not sending data.
 */
public final class DescribedSpiChip implements SpiTarget {

    static final int READ = 0x80;
    private static final int MAX_SPI_HZ = 10_000_000;

    private final DescribedDevice device;
    private final int chipSelect;
    private final ChipPort port;
    private boolean expectCommand;
    private boolean reading;

    public DescribedSpiChip(DescribedDevice device) {
        this.device = device;
        this.chipSelect = ((DeviceDescription.Spi) device.description().placement()).chipSelect();
        this.port = new ChipPort(device);
    }

    @Override
    public int chipSelect() {
        return chipSelect;
    }

    @Override
    public void select() {
        expectCommand = true;
    }

    @Override
    public int exchange(int out) {
        if (expectCommand) {
            expectCommand = false;
            reading = (out & READ) != 0;
            port.address(out & 0x7f);
            return 0xff;
        }
        if (reading) {
            return port.read();
        }
        port.write(out);
        return 0xff;
    }

    @Override
    public void deselect() {
        port.end();
    }

    @Override
    public void describe(DeviceTreeContext tree, Node bus) {
        device.describe(tree, bus.addChild(String.format("%s@%x", device.description().nodeName(), chipSelect))
                .cells("reg", chipSelect).cells("spi-max-frequency", MAX_SPI_HZ));
    }
}
