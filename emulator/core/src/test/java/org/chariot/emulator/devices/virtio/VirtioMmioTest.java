package org.chariot.emulator.devices.virtio;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VirtioMmioTest {

    @TempDir
    Path dir;
    private final AtomicBoolean irq = new AtomicBoolean();

    @Test
    void identifiesAsModernVirtioDevice() {
        QueueDriver driver = new QueueDriver(memory -> new MmioTransport(new VirtioMmio(new VirtioRng(), memory, irq::set, 1)), 1);
        VirtioMmio device = mmio(driver);
        assertEquals(0x74726976, device.load(VirtioMmio.MAGIC, 4));
        assertEquals(2, device.load(VirtioMmio.VERSION, 4));
        assertEquals(4, device.load(VirtioMmio.DEVICE_ID, 4));
        device.store(VirtioMmio.DEVICE_FEATURES_SEL, 4, 1);
        assertEquals(1, device.load(VirtioMmio.DEVICE_FEATURES, 4), "VIRTIO_F_VERSION_1 offered");
        assertEquals(SplitVirtqueue.MAX_SIZE, device.load(VirtioMmio.QUEUE_NUM_MAX, 4));
        assertEquals(1 | 2 | 4 | VirtioDevice.FEATURES_OK, device.load(VirtioMmio.STATUS, 4));
    }

    @Test
    void rngFillsTheBufferAndInterruptsUntilAcknowledged() {
        QueueDriver driver = new QueueDriver(memory -> new MmioTransport(new VirtioMmio(new VirtioRng(), memory, irq::set, 1)), 1);
        driver.submit(0, driver.descriptor(0, QueueDriver.DATA, 64, true, false));
        assertEquals(1, driver.usedIndex(0));
        assertArrayEquals(new long[] {0, 64}, driver.usedElement(0, 0));
        byte[] filled = new byte[64];
        driver.memory.read(QueueDriver.DATA, filled, 0, 64);
        assertNotEquals(0, java.util.Arrays.hashCode(filled) ^ java.util.Arrays.hashCode(new byte[64]));
        assertTrue(irq.get());
        assertEquals(VirtioDevice.USED_BUFFER, mmio(driver).load(VirtioMmio.INTERRUPT_STATUS, 4));
        mmio(driver).store(VirtioMmio.INTERRUPT_ACK, 4, VirtioDevice.USED_BUFFER);
        assertFalse(irq.get());
    }

    @Test
    void blockDeviceWritesReadsFlushesAndNamesItself() throws IOException {
        Path disk = Files.write(dir.resolve("disk.img"), new byte[8 * VirtioBlock.SECTOR]);
        try (VirtioBlock block = new VirtioBlock(disk)) {
            QueueDriver driver = new QueueDriver(memory -> new MmioTransport(new VirtioMmio(block, memory, irq::set, 2)), 1);
            assertEquals(8, mmio(driver).load(VirtioMmio.CONFIG, 8), "capacity in sectors");

            byte[] payload = new byte[VirtioBlock.SECTOR];
            java.util.Arrays.fill(payload, (byte) 0x5a);
            driver.memory.write(QueueDriver.DATA + 0x100, payload, 0, payload.length);
            request(driver, VirtioBlock.T_OUT, 3, QueueDriver.DATA + 0x100, VirtioBlock.SECTOR, false);
            assertEquals(VirtioBlock.S_OK, status(driver));
            byte[] onDisk = Files.readAllBytes(disk);
            assertEquals(0x5a, onDisk[3 * VirtioBlock.SECTOR]);
            assertEquals(0, onDisk[3 * VirtioBlock.SECTOR - 1]);

            request(driver, VirtioBlock.T_IN, 3, QueueDriver.DATA + 0x1000, VirtioBlock.SECTOR, true);
            assertEquals(VirtioBlock.S_OK, status(driver));
            assertEquals(0x5a, driver.memory.load(QueueDriver.DATA + 0x1000 + 511, 1));

            request(driver, VirtioBlock.T_IN, 8, QueueDriver.DATA + 0x1000, VirtioBlock.SECTOR, true);
            assertEquals(VirtioBlock.S_IOERR, status(driver), "sector 8 is past the end");

            request(driver, VirtioBlock.T_FLUSH, 0, 0, 0, false);
            assertEquals(VirtioBlock.S_OK, status(driver));

            request(driver, VirtioBlock.T_GET_ID, 0, QueueDriver.DATA + 0x2000, 20, true);
            assertEquals(VirtioBlock.S_OK, status(driver));
            assertEquals('d', driver.memory.load(QueueDriver.DATA + 0x2000, 1));
        }
    }

    @Test
    void loopingChainMarksTheDeviceBroken() {
        QueueDriver driver = new QueueDriver(memory -> new MmioTransport(new VirtioMmio(new VirtioRng(), memory, irq::set, 1)), 1);
        for (int i = 0; i < QueueDriver.QUEUE_SIZE; i++) {
            driver.descriptor(0, QueueDriver.DATA, 4, true, true);
        }
        driver.memory.store(QueueDriver.DESCRIPTORS + 16L * 7 + 14, 2, 0); // last points back to first
        driver.submit(0, 0);
        assertEquals(0, driver.usedIndex(0));
        assertTrue((mmio(driver).load(VirtioMmio.STATUS, 4) & VirtioDevice.DEVICE_NEEDS_RESET) != 0);
        mmio(driver).store(VirtioMmio.STATUS, 4, 0);
        assertEquals(0, mmio(driver).load(VirtioMmio.STATUS, 4), "writing 0 resets the device");
        assertFalse(irq.get());
    }

    private static VirtioMmio mmio(QueueDriver driver) {
        return ((MmioTransport) driver.transport()).device();
    }

    private static final long STATUS_BYTE = QueueDriver.DATA + 0x3000;
    private static final long HEADER = QueueDriver.DATA;

    /** A block request: header, optional data buffer, status byte. */
    private static void request(QueueDriver driver, int type, long sector, long data, int length, boolean deviceWrites) {
        ByteBuffer header = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN).putInt(type).putInt(0).putLong(sector);
        driver.memory.write(HEADER, header.array(), 0, 16);
        int head = driver.descriptor(0, HEADER, 16, false, true);
        if (length > 0) {
            driver.descriptor(0, data, length, deviceWrites, true);
        }
        driver.descriptor(0, STATUS_BYTE, 1, true, false);
        driver.memory.store(STATUS_BYTE, 1, 0xff);
        driver.submit(0, head);
    }

    private static byte status(QueueDriver driver) {
        return (byte) driver.memory.load(STATUS_BYTE, 1);
    }
}
