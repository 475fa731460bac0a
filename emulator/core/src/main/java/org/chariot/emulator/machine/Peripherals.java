package org.chariot.emulator.machine;

import java.util.ArrayList;
import java.util.List;
import org.chariot.emulator.devices.GoldfishRtc;
import org.chariot.emulator.devices.DmaMaster;
import org.chariot.emulator.devices.GuestMemory;
import org.chariot.emulator.devices.IrqLine;
import org.chariot.emulator.devices.described.DescribedDevice;
import org.chariot.emulator.devices.described.DescribedI2cChip;
import org.chariot.emulator.devices.described.DescribedMmioDevice;
import org.chariot.emulator.devices.described.DescribedSpiChip;
import org.chariot.emulator.devices.described.DeviceDescription;
import org.chariot.emulator.devices.gpio.SifiveGpio;
import org.chariot.emulator.devices.i2c.At24Eeprom;
import org.chariot.emulator.devices.i2c.Lm75Sensor;
import org.chariot.emulator.devices.i2c.OcoresI2c;
import org.chariot.emulator.devices.spi.SifiveSpi;
import org.chariot.emulator.devices.spi.SpiNorFlash;

/**
 * The devices that real drivers of the common classes bind to, beside QEMU virt's core: the
 * goldfish RTC (where virt has it), an OpenCores I2C controller with an LM75 sensor and an AT24
 * EEPROM, a SiFive SPI controller with a NOR flash, a SiFive GPIO controller, and the user's
 * described devices. Kept by the machine so that tests and the host can reach the chips.
 *
 * <pre>
 * device                 base          PLIC source
 * goldfish RTC           0x0010_1000   11
 * I2C (ocores)           0x1002_0000   13     LM75 at 0x48, AT24C02 at 0x50
 * SPI (sifive)           0x1002_1000   14     W25Q32 flash on chip select 0
 * GPIO (sifive, 8 lines) 0x1002_2000   16..23
 * described, MMIO n      0x1003_0000 + 0x1_0000 n, 24 + n (n = 0..7; chips on I2C/SPI take a source too)
 * </pre>
 */
public final class Peripherals {

    static final long RTC_BASE = 0x10_1000L, I2C_BASE = 0x1002_0000L, SPI_BASE = 0x1002_1000L;
    static final long GPIO_BASE = 0x1002_2000L, DESCRIBED_BASE = 0x1003_0000L, DESCRIBED_STRIDE = 0x1_0000L;
    static final int RTC_IRQ = 11, I2C_IRQ = 13, SPI_IRQ = 14, GPIO_FIRST_IRQ = 16, DESCRIBED_FIRST_IRQ = 24;
    static final int DESCRIBED_SLOTS = 8;
    static final int SENSOR_ADDRESS = 0x48, EEPROM_ADDRESS = 0x50, FLASH_CHIP_SELECT = 0;
    static final int SPI_CHIP_SELECTS = 4;
    /** Input clock of the I2C and SPI controllers, from which their drivers derive the bus clocks. */
    static final int CONTROLLER_CLOCK_HZ = 20_000_000;

    private final GoldfishRtc rtc;
    private final Lm75Sensor sensor;
    private final At24Eeprom eeprom;
    private final SpiNorFlash flash;
    private final SifiveGpio gpio;
    private final List<DescribedDevice> described;

    private Peripherals(GoldfishRtc rtc, Lm75Sensor sensor, At24Eeprom eeprom, SpiNorFlash flash, SifiveGpio gpio,
            List<DescribedDevice> described) {
        this.rtc = rtc;
        this.sensor = sensor;
        this.eeprom = eeprom;
        this.flash = flash;
        this.gpio = gpio;
        this.described = List.copyOf(described);
    }

    /** Puts the peripherals and the board's described devices on the platform (the board was checked). */
    static Peripherals attach(Platform platform, Board board) {
        GoldfishRtc rtc = new GoldfishRtc(platform.clock(), System.currentTimeMillis() * 1_000_000L,
                platform.plic().line(RTC_IRQ), RTC_IRQ);
        platform.attach(RTC_BASE, rtc);
        OcoresI2c i2c = new OcoresI2c(platform.plic().line(I2C_IRQ), I2C_IRQ, CONTROLLER_CLOCK_HZ);
        Lm75Sensor sensor = new Lm75Sensor(SENSOR_ADDRESS);
        At24Eeprom eeprom = new At24Eeprom(EEPROM_ADDRESS);
        i2c.connect(sensor);
        i2c.connect(eeprom);
        SifiveSpi spi = new SifiveSpi(platform.plic().line(SPI_IRQ), SPI_IRQ, CONTROLLER_CLOCK_HZ);
        SpiNorFlash flash = new SpiNorFlash(FLASH_CHIP_SELECT);
        spi.connect(flash);
        List<IrqLine> gpioLines = new ArrayList<>();
        for (int line = 0; line < SifiveGpio.LINES; line++) {
            gpioLines.add(platform.plic().line(GPIO_FIRST_IRQ + line));
        }
        SifiveGpio gpio = new SifiveGpio(gpioLines, GPIO_FIRST_IRQ, board.gpioInputs());
        List<DescribedDevice> described = new ArrayList<>();
        GuestMemory memory = platform.dma();
        int mmioSlot = 0;
        for (DeviceDescription description : board.described()) {
            int irq = DESCRIBED_FIRST_IRQ + described.size();
            GuestMemory deviceMemory = description.placement() instanceof DeviceDescription.Mmio mmio
                    ? memory.forMaster(DmaMaster.at(description.compatible().getFirst(),
                            DESCRIBED_BASE + DESCRIBED_STRIDE * mmioSlot, mmio.size()))
                    : memory;
            DescribedDevice device = new DescribedDevice(description, platform.clock(), deviceMemory,
                    platform.plic().line(irq), irq);
            described.add(device);
            switch (description.placement()) {
                case DeviceDescription.Mmio mmio -> platform.attach(DESCRIBED_BASE + DESCRIBED_STRIDE * mmioSlot++,
                        new DescribedMmioDevice(device));
                case DeviceDescription.I2c chip -> i2c.connect(new DescribedI2cChip(device));
                case DeviceDescription.Spi chip -> spi.connect(new DescribedSpiChip(device));
            }
        }
        platform.attach(I2C_BASE, i2c);
        platform.attach(SPI_BASE, spi);
        platform.attach(GPIO_BASE, gpio);
        return new Peripherals(rtc, sensor, eeprom, flash, gpio, described);
    }

    public GoldfishRtc rtc() {
        return rtc;
    }

    public Lm75Sensor temperatureSensor() {
        return sensor;
    }

    public At24Eeprom eeprom() {
        return eeprom;
    }

    public SpiNorFlash flash() {
        return flash;
    }

    public SifiveGpio gpio() {
        return gpio;
    }

    /** The described devices, in the board's order. */
    public List<DescribedDevice> described() {
        return described;
    }
}
