package org.chariot.emulator.machine;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.chariot.emulator.devices.described.DeviceDescription;
import org.chariot.emulator.devices.described.DeviceFileException;
import org.chariot.emulator.devices.gpio.GpioInput;

/**
 * What a run adds to the machine's board: the user's described devices and what drives the GPIO
 * controller's input lines from outside.
 */
public record Board(List<DeviceDescription> described, List<GpioInput> gpioInputs) {

    /** The machine as it comes: no described device, no GPIO line driven from outside. */
    public static final Board PLAIN = new Board(List.of(), List.of());

    public Board {
        described = List.copyOf(described);
        gpioInputs = List.copyOf(gpioInputs);
    }

    /**
     * Checks that the described devices fit the machine: free I2C addresses and SPI chip selects,
     * no more than {@value Peripherals#DESCRIBED_SLOTS} devices. The exception names the file and
     * line that cannot be placed.
     */
    public void check() throws DeviceFileException {
        if (described.size() > Peripherals.DESCRIBED_SLOTS) {
            DeviceDescription extra = described.get(Peripherals.DESCRIBED_SLOTS);
            throw new DeviceFileException(extra.file(), 0, "the machine has room for "
                    + Peripherals.DESCRIBED_SLOTS + " described devices: this is one more");
        }
        Map<Integer, DeviceDescription> i2c = new HashMap<>();
        Map<Integer, DeviceDescription> spi = new HashMap<>();
        for (DeviceDescription device : described) {
            switch (device.placement()) {
                case DeviceDescription.I2c(int address) -> {
                    if (address == Peripherals.SENSOR_ADDRESS || address == Peripherals.EEPROM_ADDRESS) {
                        throw placementError(device, String.format("I2C address 0x%02x is the machine's %s: choose "
                                + "another in 0x08..0x77 (the machine's own chips are at 0x%02x and 0x%02x)", address,
                                address == Peripherals.SENSOR_ADDRESS ? "LM75 sensor" : "AT24 EEPROM",
                                Peripherals.SENSOR_ADDRESS, Peripherals.EEPROM_ADDRESS));
                    }
                    DeviceDescription other = i2c.putIfAbsent(address, device);
                    if (other != null) {
                        throw placementError(device, String.format("I2C address 0x%02x is taken by %s", address,
                                other.file()));
                    }
                }
                case DeviceDescription.Spi(int chipSelect) -> {
                    if (chipSelect == Peripherals.FLASH_CHIP_SELECT || chipSelect >= Peripherals.SPI_CHIP_SELECTS) {
                        throw placementError(device, "SPI chip select " + chipSelect + " is not free: use 1.."
                                + (Peripherals.SPI_CHIP_SELECTS - 1) + " (0 is the machine's flash)");
                    }
                    DeviceDescription other = spi.putIfAbsent(chipSelect, device);
                    if (other != null) {
                        throw placementError(device, "SPI chip select " + chipSelect + " is taken by " + other.file());
                    }
                }
                case DeviceDescription.Mmio mmio -> { }
            }
        }
    }

    private static DeviceFileException placementError(DeviceDescription device, String problem) {
        return new DeviceFileException(device.file(), device.placementLine(), problem);
    }
}
