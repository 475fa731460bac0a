package org.chariot.emulator.devices.spi;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Arrays;
import org.chariot.emulator.devices.RecordingLine;
import org.junit.jupiter.api.Test;

/** The controller driven as Linux's spi-sifive does (hold chip select, FIFO bursts), with the W25Q32 flash behind it. */
class SifiveSpiTest {

    private final RecordingLine irq = new RecordingLine();
    private final SifiveSpi controller = new SifiveSpi(irq, 14, 20_000_000);
    private final SpiNorFlash flash = new SpiNorFlash(0);

    SifiveSpiTest() {
        controller.connect(flash);
        controller.store(SifiveSpi.TXMARK, 4, 1);
        controller.store(SifiveSpi.RXMARK, 4, 0);
    }

    /** One spi_message: chip select held across its bytes; the reply bytes, as the RX FIFO returned them. */
    private int[] message(int... bytes) {
        controller.store(SifiveSpi.CSID, 4, 0);
        controller.store(SifiveSpi.CSMODE, 4, SifiveSpi.CSMODE_HOLD);
        int[] reply = new int[bytes.length];
        for (int start = 0; start < bytes.length; start += SifiveSpi.FIFO_DEPTH) {
            int n = Math.min(SifiveSpi.FIFO_DEPTH, bytes.length - start);
            for (int i = 0; i < n; i++) {
                assertEquals(0, controller.load(SifiveSpi.TXDATA, 4), "never full");
                controller.store(SifiveSpi.TXDATA, 4, bytes[start + i]);
            }
            controller.store(SifiveSpi.RXMARK, 4, n - 1);
            assertTrue((controller.load(SifiveSpi.IP, 4) & SifiveSpi.IP_RECEIVE_WATERMARK) != 0);
            for (int i = 0; i < n; i++) {
                reply[start + i] = (int) controller.load(SifiveSpi.RXDATA, 4);
            }
        }
        assertEquals(SifiveSpi.RXDATA_EMPTY, controller.load(SifiveSpi.RXDATA, 4) & SifiveSpi.RXDATA_EMPTY);
        controller.store(SifiveSpi.CSMODE, 4, SifiveSpi.CSMODE_AUTO);
        return reply;
    }

    private int[] read(int address, int length) {
        return Arrays.copyOfRange(message(addressed(SpiNorFlash.READ, address, new int[length])), 4, 4 + length);
    }

    private static int[] addressed(int opcode, int address, int... data) {
        int[] command = new int[4 + data.length];
        command[0] = opcode;
        command[1] = address >>> 16 & 0xff;
        command[2] = address >>> 8 & 0xff;
        command[3] = address & 0xff;
        System.arraycopy(data, 0, command, 4, data.length);
        return command;
    }

    @Test
    void aRestoredControllerHasTheSavedRegistersAndTheFlashItsProgrammedBytes() throws IOException {
        message(SpiNorFlash.WRITE_ENABLE);
        message(addressed(SpiNorFlash.PAGE_PROGRAM, 0x1234, 0x5a, 0xa5));
        controller.store(SifiveSpi.SCKDIV, 4, 9);
        ByteArrayOutputStream saved = new ByteArrayOutputStream();
        controller.saveState(new DataOutputStream(saved));

        SifiveSpiTest restored = new SifiveSpiTest();
        restored.controller.restoreState(new DataInputStream(new ByteArrayInputStream(saved.toByteArray())));
        assertEquals(9, restored.controller.load(SifiveSpi.SCKDIV, 4));
        assertArrayEquals(new int[] {0xff, 0x5a, 0xa5, 0xff}, restored.read(0x1233, 4));
    }

    @Test
    void theChipSelectLinesAreFoundByWritingOnesToTheDefaultRegister() {
        controller.store(SifiveSpi.CSDEF, 4, 0xffff_ffffL);
        assertEquals(0xf, controller.load(SifiveSpi.CSDEF, 4), "four lines, as the driver counts them");
    }

    @Test
    void theFlashGivesItsJedecIdAndABlankArray() {
        assertArrayEquals(new int[] {0xff, 0xef, 0x40, 0x16, 0, 0, 0}, message(SpiNorFlash.READ_ID, 0, 0, 0, 0, 0, 0));
        assertArrayEquals(new int[] {0xff, 0xff, 0xff}, read(0x1000, 3));
    }

    @Test
    void programNeedsWriteEnableWhichEachProgramEnds() {
        message(addressed(SpiNorFlash.PAGE_PROGRAM, 0x100, 0x12));
        assertArrayEquals(new int[] {0xff}, read(0x100, 1), "not write-enabled: ignored");
        message(SpiNorFlash.WRITE_ENABLE);
        assertEquals(SpiNorFlash.STATUS_WRITE_ENABLED, message(SpiNorFlash.READ_STATUS, 0)[1]);
        message(addressed(SpiNorFlash.PAGE_PROGRAM, 0x1fe, 0xa1, 0xa2, 0xa3));
        assertEquals(0, message(SpiNorFlash.READ_STATUS, 0)[1], "write enable ends with the program");
        assertArrayEquals(new int[] {0xa1, 0xa2}, read(0x1fe, 2));
        assertArrayEquals(new int[] {0xa3}, read(0x100, 1), "the address wraps inside its 256-byte page");
    }

    @Test
    void programmingOnlyClearsBitsAndEraseSetsThemAgain() {
        message(SpiNorFlash.WRITE_ENABLE);
        message(addressed(SpiNorFlash.PAGE_PROGRAM, 0x2000, 0xf0));
        message(SpiNorFlash.WRITE_ENABLE);
        message(addressed(SpiNorFlash.PAGE_PROGRAM, 0x2000, 0x3c));
        assertArrayEquals(new int[] {0x30}, read(0x2000, 1));
        message(SpiNorFlash.WRITE_ENABLE);
        message(addressed(SpiNorFlash.PAGE_PROGRAM, 0x3000, 0));
        message(SpiNorFlash.WRITE_ENABLE);
        message(addressed(SpiNorFlash.SECTOR_ERASE, 0x2abc));
        assertArrayEquals(new int[] {0xff}, read(0x2000, 1), "the 4 KiB sector around the address is erased");
        assertArrayEquals(new int[] {0}, read(0x3000, 1), "the next sector is not");
        message(SpiNorFlash.WRITE_ENABLE);
        message(SpiNorFlash.CHIP_ERASE);
        assertArrayEquals(new byte[] {-1}, flash.contents(0x3000, 1));
    }

    @Test
    void fastReadSkipsADummyByte() {
        message(SpiNorFlash.WRITE_ENABLE);
        message(addressed(SpiNorFlash.PAGE_PROGRAM, 0x40, 7, 8));
        int[] reply = message(addressed(SpiNorFlash.FAST_READ, 0x40, 0, 0, 0));
        assertArrayEquals(new int[] {7, 8}, Arrays.copyOfRange(reply, 5, 7));
    }

    @Test
    void inAutoModeEachFrameIsACommandOfItsOwn() {
        controller.store(SifiveSpi.CSMODE, 4, SifiveSpi.CSMODE_AUTO);
        controller.store(SifiveSpi.TXDATA, 4, SpiNorFlash.READ_ID);
        controller.store(SifiveSpi.TXDATA, 4, 0);
        controller.load(SifiveSpi.RXDATA, 4);
        assertEquals(0xff, controller.load(SifiveSpi.RXDATA, 4), "the second frame began a new command, not the id");
    }

    @Test
    void transmitOnlyFramesLeaveTheReceiveFifoAlone() {
        controller.store(SifiveSpi.FMT, 4, 0x0008_0000 | SifiveSpi.FMT_DIRECTION_TRANSMIT);
        controller.store(SifiveSpi.CSMODE, 4, SifiveSpi.CSMODE_HOLD);
        controller.store(SifiveSpi.TXDATA, 4, SpiNorFlash.WRITE_ENABLE);
        controller.store(SifiveSpi.CSMODE, 4, SifiveSpi.CSMODE_AUTO);
        assertEquals(SifiveSpi.RXDATA_EMPTY, controller.load(SifiveSpi.RXDATA, 4));
        controller.store(SifiveSpi.FMT, 4, 0x0008_0000);
        assertEquals(SpiNorFlash.STATUS_WRITE_ENABLED, message(SpiNorFlash.READ_STATUS, 0)[1], "the chip got the frame");
    }

    @Test
    void watermarkInterruptsReachTheLineOnlyWhenEnabled() {
        assertFalse(irq.high());
        controller.store(SifiveSpi.IE, 4, SifiveSpi.IP_TRANSMIT_WATERMARK);
        assertTrue(irq.high(), "the transmit FIFO is empty, below its mark of 1");
        controller.store(SifiveSpi.IE, 4, SifiveSpi.IP_RECEIVE_WATERMARK);
        assertFalse(irq.high());
        controller.store(SifiveSpi.CSMODE, 4, SifiveSpi.CSMODE_HOLD);
        controller.store(SifiveSpi.TXDATA, 4, SpiNorFlash.READ_STATUS);
        assertTrue(irq.high(), "one frame received, above the mark of 0");
        controller.load(SifiveSpi.RXDATA, 4);
        assertFalse(irq.high());
    }

    @Test
    void aSecondChipCannotTakeTheFlashsChipSelect() {
        assertThrows(IllegalArgumentException.class, () -> controller.connect(new SpiNorFlash(0)));
        assertThrows(IllegalArgumentException.class, () -> controller.connect(new SpiNorFlash(4)));
    }
}
