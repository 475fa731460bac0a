package org.chariot.emulator.devices.virtio;

import org.chariot.emulator.bus.Ram;
import org.chariot.emulator.devices.GuestMemory;

/** Plays the guest driver: sets up queue 0 in RAM through the MMIO registers and submits chains. */
final class QueueDriver {

    static final long BASE = 0x8000_0000L;
    static final long DESCRIPTORS = BASE + 0x1000, AVAILABLE = BASE + 0x2000, USED = BASE + 0x3000;
    static final long DATA = BASE + 0x10000;
    static final int QUEUE_SIZE = 8;

    final Ram ram = new Ram(1 << 20);
    final GuestMemory memory = new GuestMemory(BASE, ram);
    private final VirtioMmio device;
    private int nextDescriptor;
    private int availableIndex;

    QueueDriver(java.util.function.Function<GuestMemory, VirtioMmio> transport) {
        this.device = transport.apply(memory);
        device.store(VirtioMmio.STATUS, 4, 1 | 2); // ACKNOWLEDGE | DRIVER
        device.store(VirtioMmio.DRIVER_FEATURES_SEL, 4, 1);
        device.store(VirtioMmio.DRIVER_FEATURES, 4, 1); // VIRTIO_F_VERSION_1
        device.store(VirtioMmio.STATUS, 4, 1 | 2 | VirtioDevice.FEATURES_OK);
        device.store(VirtioMmio.QUEUE_SEL, 4, 0);
        device.store(VirtioMmio.QUEUE_NUM, 4, QUEUE_SIZE);
        device.store(VirtioMmio.QUEUE_DESC_LOW, 4, DESCRIPTORS);
        device.store(VirtioMmio.QUEUE_DESC_HIGH, 4, DESCRIPTORS >>> 32);
        device.store(VirtioMmio.QUEUE_DRIVER_LOW, 4, AVAILABLE);
        device.store(VirtioMmio.QUEUE_DRIVER_HIGH, 4, AVAILABLE >>> 32);
        device.store(VirtioMmio.QUEUE_DEVICE_LOW, 4, USED);
        device.store(VirtioMmio.QUEUE_DEVICE_HIGH, 4, USED >>> 32);
        device.store(VirtioMmio.QUEUE_READY, 4, 1);
        device.store(VirtioMmio.STATUS, 4, 1 | 2 | VirtioDevice.FEATURES_OK | 4); // DRIVER_OK
    }

    VirtioMmio device() {
        return device;
    }

    /** Adds a descriptor; chains it to the next one added if {@code more}. Returns its index. */
    int descriptor(long address, int length, boolean writable, boolean more) {
        int index = nextDescriptor++;
        long at = DESCRIPTORS + 16L * index;
        memory.store(at, 8, address);
        memory.store(at + 8, 4, length);
        memory.store(at + 12, 2, (writable ? SplitVirtqueue.DESC_F_WRITE : 0) | (more ? SplitVirtqueue.DESC_F_NEXT : 0));
        memory.store(at + 14, 2, more ? index + 1 : 0);
        return index;
    }

    /** Makes the chain starting at {@code head} available and notifies the device. */
    void submit(int head) {
        memory.store(AVAILABLE + 4 + 2L * (availableIndex % QUEUE_SIZE), 2, head);
        availableIndex++;
        memory.store(AVAILABLE + 2, 2, availableIndex);
        device.store(VirtioMmio.QUEUE_NOTIFY, 4, 0);
    }

    int usedIndex() {
        return (int) memory.load(USED + 2, 2);
    }

    /** The {@code n}th used element as {id, length}. */
    long[] usedElement(int n) {
        long element = USED + 4 + 8L * n;
        return new long[] {memory.load(element, 4), memory.load(element + 4, 4)};
    }
}
