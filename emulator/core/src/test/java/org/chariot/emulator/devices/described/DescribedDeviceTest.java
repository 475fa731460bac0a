package org.chariot.emulator.devices.described;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.chariot.emulator.bus.AccessFault;
import org.chariot.emulator.bus.Ram;
import org.chariot.emulator.devices.GuestMemory;
import org.chariot.emulator.devices.ManualClock;
import org.chariot.emulator.devices.RecordingLine;
import org.junit.jupiter.api.Test;

class DescribedDeviceTest {

    private static final long RAM_BASE = 0x8000_0000L;

    private final ManualClock clock = new ManualClock();
    private final RecordingLine irq = new RecordingLine();
    private final Ram ram = new Ram(1 << 16);

    private DescribedDevice device(String text) throws DeviceFileException {
        return new DescribedDevice(DeviceFile.parse(Path.of("test.device"), text), clock,
                new GuestMemory(RAM_BASE, ram), irq, 24);
    }

    private DescribedMmioDevice mmio(String text) throws DeviceFileException {
        return new DescribedMmioDevice(device("compatible acme,test\n" + text));
    }

    @Test
    void accessTypesBehaveAsNamed() throws Exception {
        DescribedMmioDevice d = mmio("""
                register RO at 0x0 ro reset 0x11
                register RW at 0x4 rw reset 0x22
                register WO at 0x8 wo
                register W1C at 0xc w1c reset 0xff
                register W1S at 0x10 w1s reset 0x01
                register RC at 0x14 rc reset 0x5
                """);
        d.store(0x0, 4, 0);
        assertEquals(0x11, d.load(0x0, 4), "read-only");
        d.store(0x4, 4, 0x1234);
        assertEquals(0x1234, d.load(0x4, 4));
        d.store(0x8, 4, 7);
        assertEquals(0, d.load(0x8, 4), "write-only reads 0");
        d.store(0xc, 4, 0x0f);
        assertEquals(0xf0, d.load(0xc, 4), "ones clear");
        d.store(0x10, 4, 0x10);
        assertEquals(0x11, d.load(0x10, 4), "ones set");
        assertEquals(5, d.load(0x14, 4));
        assertEquals(0, d.load(0x14, 4), "read clears");
        assertEquals(0, d.load(0x800, 4), "nothing there");
    }

    @Test
    void narrowAccessesReachTheirBytesAndAccessesAcrossRegistersFault() throws Exception {
        DescribedMmioDevice d = mmio("register A at 0x0 rw reset 0x44332211\nregister B at 0x8 rw bytes 8");
        assertEquals(0x33, d.load(0x2, 1));
        d.store(0x1, 1, 0xaa);
        assertEquals(0x4433aa11L, d.load(0x0, 4));
        d.store(0x8, 8, 0x0102030405060708L);
        assertEquals(0x01020304L, d.load(0xc, 4));
        assertThrows(AccessFault.class, () -> d.load(0x2, 4));
    }

    @Test
    void aWriteTriggerActsAfterItsDelayAndTheInterruptFollowsTheRegisters() throws Exception {
        DescribedMmioDevice d = mmio("""
                register CTRL at 0x0 rw
                register STATUS at 0x4 w1c
                register SAMPLE at 0x8 ro reset 100
                register ENABLE at 0xc rw reset 1
                on write CTRL & 0x1 after 1ms: add SAMPLE 5, set STATUS 0x1
                interrupt while STATUS & ENABLE
                """);
        d.store(0x0, 4, 2);
        clock.advance(1_000_000);
        assertEquals(0, d.load(0x4, 4), "bit 0 was not written: no trigger");
        d.store(0x0, 4, 1);
        clock.advance(9_999);
        assertFalse(irq.high());
        clock.advance(1);
        assertEquals(105, d.load(0x8, 4));
        assertTrue(irq.high());
        d.store(0xc, 4, 0);
        assertFalse(irq.high(), "masked by ENABLE");
        d.store(0xc, 4, 1);
        d.store(0x4, 4, 1);
        assertFalse(irq.high(), "acknowledged");
    }

    @Test
    void aPeriodicTriggerRepeats() throws Exception {
        DescribedMmioDevice d = mmio("register TICKS at 0x0 ro\nevery 1ms: add TICKS 1");
        clock.advance(10_000);
        clock.advance(10_000);
        clock.advance(5_000);
        assertEquals(2, d.load(0x0, 4));
    }

    @Test
    void dmaCopiesGuestMemoryIntoTheBufferAndBackOut() throws Exception {
        DescribedMmioDevice d = mmio("""
                register SRC at 0x0 rw bytes 8
                register DST at 0x8 rw bytes 8
                register LEN at 0x10 rw
                register GO at 0x14 wo
                register DONE at 0x18 w1c
                buffer DATA 16 at 0x100
                on write GO & 1: read-memory SRC LEN into DATA, write-memory DST LEN from DATA, set DONE 1
                """);
        byte[] text = "dma round trip".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(text, 0, ram.bytes(), 0x100, text.length);
        d.store(0x0, 8, RAM_BASE + 0x100);
        d.store(0x8, 8, RAM_BASE + 0x200);
        d.store(0x10, 4, 64); // more than the buffer holds: 16 bytes move
        d.store(0x14, 4, 1);
        assertEquals(1, d.load(0x18, 4));
        assertEquals('d' | 'm' << 8 | 'a' << 16 | ' ' << 24, d.load(0x100, 4), "the buffer, mapped in the window");
        byte[] copied = new byte[17];
        System.arraycopy(ram.bytes(), 0x200, copied, 0, 17);
        byte[] expected = new byte[17];
        System.arraycopy(text, 0, expected, 0, text.length);
        assertArrayEquals(expected, copied, "16 bytes copied, the 17th untouched");
    }

    @Test
    void aDmaOutsideGuestMemoryIsNotMadeAndItsTriggerStops() throws Exception {
        DescribedMmioDevice d = mmio("""
                register DST at 0x0 rw
                register DONE at 0x4 ro
                buffer DATA 4
                on write DST: write-memory DST 4 from DATA, set DONE 1
                """);
        d.store(0x0, 4, 0x1000);
        assertEquals(0, d.load(0x4, 4), "no completion");
    }

    @Test
    void anI2cChipTakesARegisterAddressThenBigEndianBytes() throws Exception {
        DescribedDevice device = device("""
                compatible acme,gauge
                bus i2c 0x36
                register VOLTAGE at 0x02 rw bytes 2 reset 0x0ce4
                register CMD at 0x04 wo
                register EVENTS at 0x05 ro
                on write CMD & 0x80: add EVENTS 1
                """);
        DescribedI2cChip chip = new DescribedI2cChip(device);
        assertEquals(0x36, chip.address());
        chip.start(false);
        chip.write(0x02);
        chip.start(true);
        assertEquals(0x0c, chip.read());
        assertEquals(0xe4, chip.read());
        chip.stop();
        chip.start(false);
        chip.write(0x02);
        chip.write(0x12);
        assertEquals(0x0ce4, device.value("VOLTAGE"), "a wide register changes once its last byte is in");
        chip.write(0x34);
        chip.write(0x80);
        chip.stop();
        assertEquals(0x1234, device.value("VOLTAGE"));
        assertEquals(1, device.value("EVENTS"), "auto-increment reached CMD and set off its trigger");
    }

    @Test
    void anSpiChipTakesACommandByteWithTheReadBit() throws Exception {
        DescribedDevice device = device("compatible acme,adc\nbus spi 1\nregister ID at 0x0f ro reset 0x5a\n"
                + "register GAIN at 0x20 rw");
        DescribedSpiChip chip = new DescribedSpiChip(device);
        chip.select();
        assertEquals(0xff, chip.exchange(0x80 | 0x0f));
        assertEquals(0x5a, chip.exchange(0));
        chip.deselect();
        chip.select();
        chip.exchange(0x20);
        chip.exchange(3);
        chip.deselect();
        assertEquals(3, device.value("GAIN"));
    }
}
