package org.chariot.emulator.devices.described;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DeviceFileTest {

    private static final Path FILE = Path.of("sensor.device");

    private static DeviceDescription parse(String text) throws DeviceFileException {
        return DeviceFile.parse(FILE, text);
    }

    @Test
    void aFullDescriptionReadsInAnyOrder() throws DeviceFileException {
        DeviceDescription d = parse("""
                # a sampling sensor
                on write CTRL & 0x1 after 2ms: add SAMPLE 250, set STATUS 0x1   # names come later
                compatible acme,sensor-2 acme,sensor
                bus mmio 0x2000
                register ID at 0x0 ro reset 0x41434d45
                register CTRL at 0x4 rw
                register STATUS at 0x8 w1c
                register SAMPLE at 0xc ro reset 21000
                register ADDR at 0x10 rw bytes 8
                buffer DATA 64 at 0x100
                interrupt while STATUS & CTRL
                every 10ms: write-memory ADDR 64 from DATA
                property acme,channels 2 4
                property label "front # panel"
                """);
        assertEquals(List.of("acme,sensor-2", "acme,sensor"), d.compatible());
        assertEquals(new DeviceDescription.Mmio(0x2000), d.placement());
        assertEquals(4, d.placementLine());
        assertEquals(5, d.registers().size());
        assertEquals(new DeviceDescription.Register("ADDR", 0x10, 8, Access.RW, 0), d.registers().get(4));
        assertEquals(new DeviceDescription.Buffer("DATA", 64, true, 0x100), d.buffers().getFirst());
        assertEquals(new DeviceDescription.Interrupt(2, DeviceDescription.Operand.ofRegister(1)), d.interrupt().get());
        DeviceDescription.Trigger onWrite = d.triggers().getFirst();
        assertEquals(new DeviceDescription.OnWrite(1, 1), onWrite.cause());
        assertEquals(Duration.ofMillis(2), onWrite.delay());
        assertEquals(List.of(new DeviceDescription.Add(3, DeviceDescription.Operand.of(250)),
                new DeviceDescription.SetBits(2, DeviceDescription.Operand.of(1))), onWrite.actions());
        assertEquals(new DeviceDescription.WriteMemory(DeviceDescription.Operand.ofRegister(4),
                DeviceDescription.Operand.of(64), 0), d.triggers().get(1).actions().getFirst());
        assertEquals("front # panel", d.properties().get(1).text());
        assertEquals(List.of(2L, 4L), d.properties().getFirst().cells());
        assertEquals("sensor-2", d.nodeName());
    }

    @Test
    void chipsHaveByteRegistersByDefaultAndASmallerAddressSpace() throws DeviceFileException {
        DeviceDescription i2c = parse("compatible acme,gauge\nbus i2c 0x36\nregister SOC at 0x04 ro reset 80\n"
                + "register VOLTAGE at 0x02 ro bytes 2 reset 0x0ce4\n");
        assertEquals(new DeviceDescription.I2c(0x36), i2c.placement());
        assertEquals(1, i2c.registers().getFirst().bytes());
        assertEquals(256, i2c.placement().addressSpace());
        DeviceDescription spi = parse("compatible acme,adc\nbus spi 1\nregister RESULT at 0x10 ro bytes 2");
        assertEquals(128, spi.placement().addressSpace());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            no compatible                  | bus mmio                                         | 0 | no compatible statement
            unknown statement              | compatible a,b;regster X at 0 rw                 | 2 | 'regster' is not a statement
            vendorless compatible          | compatible sensor                                | 1 | needs a vendor prefix
            bad access                     | compatible a,b;register X at 0 rx                | 2 | 'rx' is not an access: use ro, rw, wo, w1c, w1s, rc
            register outside window        | compatible a,b;register X at 0x1000 rw           | 2 | too large here: at most 0xfff
            misaligned register            | compatible a,b;register X at 0x2 rw              | 2 | not aligned to its 4 bytes
            overlapping registers          | compatible a,b;register X at 0 rw;register Y at 0 rw bytes 1 | 3 | Y overlaps register X at 0x0
            duplicate name                 | compatible a,b;register X at 0 rw;buffer X 4     | 3 | 'X' is declared twice
            reset too wide                 | compatible a,b;bus i2c 0x40;register X at 0 rw reset 0x100 | 3 | too large here: at most 0xff
            reserved I2C address           | compatible a,b;bus i2c 0x78                      | 2 | reserved: use 0x08..0x77
            window not in pages            | compatible a,b;bus mmio 0x1800                   | 2 | whole 4 KiB pages
            unknown register in interrupt  | compatible a,b;register X at 0 rw;interrupt while Y & 1 | 3 | no register named 'Y': the registers are X
            interrupt without mask         | compatible a,b;register X at 0 rw;interrupt while X | 3 | interrupt while REGISTER & MASK
            trigger without colon          | compatible a,b;register X at 0 rw;on write X set X 1 | 3 | no ':' before the actions
            bad duration                   | compatible a,b;register X at 0 rw;on write X after 2min: set X 1 | 3 | not a duration
            unknown action                 | compatible a,b;register X at 0 rw;on write X: raise X | 3 | 'raise X' is not an action
            unknown buffer                 | compatible a,b;register X at 0 rw;on write X: read-memory X 4 into B | 3 | no buffer named 'B'
            period too short               | compatible a,b;register X at 0 rw;every 100us: add X 1 | 3 | shorter than 1ms
            not a number                   | compatible a,b;register X at zero rw             | 2 | 'zero' is not a number
            reserved property              | compatible a,b;property reg 1                    | 2 | 'reg' cannot be a property here
            """)
    void aFaultyFileIsRefusedWithItsLineAndWhatToDo(String what, String lines, int line, String message) {
        DeviceFileException e = assertThrows(DeviceFileException.class, () -> parse(lines.replace(';', '\n')));
        assertEquals(line, e.line(), e.getMessage());
        assertTrue(e.getMessage().startsWith(FILE + (line > 0 ? ":" + line + ": " : ": ")), e.getMessage());
        assertTrue(e.getMessage().contains(message), e.getMessage());
    }

    @Test
    void anUnreadableFileSaysSo() {
        DeviceFileException e = assertThrows(DeviceFileException.class,
                () -> DeviceFile.read(Path.of("/nonexistent/x.device")));
        assertTrue(e.getMessage().startsWith("/nonexistent/x.device: cannot read the device file"), e.getMessage());
    }
}
