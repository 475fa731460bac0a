package org.chariot.emulator.devices.virtio;

import java.util.Arrays;
import java.util.function.Function;
import org.chariot.emulator.bus.Ram;
import org.chariot.emulator.devices.GuestMemory;

/**
 * Plays the guest driver over any {@link Transport}: negotiates VIRTIO_F_VERSION_1, sets up every
 * queue in RAM (queue q's rings at {@link #DESCRIPTORS} + q * {@link #QUEUE_STRIDE}) and submits chains.
 */
final class QueueDriver {

    static final long BASE = 0x8000_0000L;
    static final long DESCRIPTORS = BASE + 0x1000, AVAILABLE = BASE + 0x2000, USED = BASE + 0x3000;
    static final long QUEUE_STRIDE = 0x4000;
    static final long DATA = BASE + 0x20000;
    static final int QUEUE_SIZE = 8;
    static final int ACKNOWLEDGE = 1, DRIVER = 2, DRIVER_OK = 4;

    final Ram ram = new Ram(1 << 20);
    final GuestMemory memory = new GuestMemory(BASE, ram);
    private final Transport transport;
    private final int[] nextDescriptor;
    private final int[] availableIndex;

    QueueDriver(Function<GuestMemory, Transport> attach, int queues) {
        this.transport = attach.apply(memory);
        this.nextDescriptor = new int[queues];
        this.availableIndex = new int[queues];
        start();
    }

    /** Resets the device and sets it up again from empty rings, as a driver does after a reset. */
    void restart() {
        transport.setStatus(0);
        memory.write(DESCRIPTORS, new byte[(int) (QUEUE_STRIDE * nextDescriptor.length)], 0,
                (int) QUEUE_STRIDE * nextDescriptor.length);
        Arrays.fill(nextDescriptor, 0);
        Arrays.fill(availableIndex, 0);
        start();
    }

    private void start() {
        int queues = nextDescriptor.length;
        transport.setStatus(ACKNOWLEDGE | DRIVER);
        transport.setDriverFeatures(1, 1); // VIRTIO_F_VERSION_1
        transport.setStatus(ACKNOWLEDGE | DRIVER | VirtioDevice.FEATURES_OK);
        for (int queue = 0; queue < queues; queue++) {
            transport.setUpQueue(queue, QUEUE_SIZE, DESCRIPTORS + QUEUE_STRIDE * queue,
                    AVAILABLE + QUEUE_STRIDE * queue, USED + QUEUE_STRIDE * queue);
        }
        transport.setStatus(ACKNOWLEDGE | DRIVER | VirtioDevice.FEATURES_OK | DRIVER_OK);
    }

    Transport transport() {
        return transport;
    }

    /** Adds a descriptor to queue {@code queue}; chains it to the next one added if {@code more}. Returns its index. */
    int descriptor(int queue, long address, int length, boolean writable, boolean more) {
        int index = nextDescriptor[queue]++ % QUEUE_SIZE;
        long at = DESCRIPTORS + QUEUE_STRIDE * queue + 16L * index;
        memory.store(at, 8, address);
        memory.store(at + 8, 4, length);
        memory.store(at + 12, 2, (writable ? SplitVirtqueue.DESC_F_WRITE : 0) | (more ? SplitVirtqueue.DESC_F_NEXT : 0));
        memory.store(at + 14, 2, more ? (index + 1) % QUEUE_SIZE : 0);
        return index;
    }

    /** Makes the chain starting at {@code head} available in queue {@code queue}, without notifying. */
    void offer(int queue, int head) {
        long available = AVAILABLE + QUEUE_STRIDE * queue;
        memory.store(available + 4 + 2L * (availableIndex[queue] % QUEUE_SIZE), 2, head);
        availableIndex[queue]++;
        memory.store(available + 2, 2, availableIndex[queue]);
    }

    /** Offers the chain and notifies the device. */
    void submit(int queue, int head) {
        offer(queue, head);
        transport.notify(queue);
    }

    int usedIndex(int queue) {
        return (int) memory.load(USED + QUEUE_STRIDE * queue + 2, 2);
    }

    /** The {@code n}th used element of queue {@code queue} as {id, length}. */
    long[] usedElement(int queue, int n) {
        long element = USED + QUEUE_STRIDE * queue + 4 + 8L * n;
        return new long[] {memory.load(element, 4), memory.load(element + 4, 4)};
    }
}
