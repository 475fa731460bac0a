package org.chariot.emulator.devices.virtio;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

import java.util.ArrayList;
import java.util.List;
import org.chariot.emulator.devices.GuestMemory;

/**
 * A split virtqueue in guest RAM: descriptor table, available ring (driver to device), used ring
 * (device to driver). A device takes the chains the driver made available with {@link #next()}
 * and gives each back with {@link #complete}, at once or when it has data for it (a network
 * device's receive buffers wait for frames).
 */
public final class SplitVirtqueue {

    static final int MAX_SIZE = 256;
    static final int DESC_F_NEXT = 1, DESC_F_WRITE = 2, DESC_F_INDIRECT = 4;
    /** The driver's hint in the available ring's flags that it does not want interrupts for now. */
    static final int AVAIL_F_NO_INTERRUPT = 1;
    private static final int DESCRIPTOR_SIZE = 16;

    /** Handles one request chain; returns how many bytes it wrote into the chain's writable buffers. */
    public interface Processor {
        int process(DescriptorChain chain);
    }

    private final GuestMemory memory;
    private final Runnable onUsed;
    int size = MAX_SIZE;
    boolean ready;
    long descriptors, available, used;
    private int lastAvailable;

    void save(DataOutput out) throws IOException {
        out.writeInt(size);
        out.writeBoolean(ready);
        out.writeLong(descriptors);
        out.writeLong(available);
        out.writeLong(used);
        out.writeInt(lastAvailable);
    }

    void restore(DataInput in) throws IOException {
        size = in.readInt();
        ready = in.readBoolean();
        descriptors = in.readLong();
        available = in.readLong();
        used = in.readLong();
        lastAvailable = in.readInt();
    }

    /** @param onUsed told when a completed chain should interrupt the driver */
    SplitVirtqueue(GuestMemory memory, Runnable onUsed) {
        this.memory = memory;
        this.onUsed = onUsed;
    }

    /** Back to the state after a device reset: not live, at its largest size (which a PCI driver reads). */
    void reset() {
        size = MAX_SIZE;
        ready = false;
        descriptors = available = used = 0;
        lastAvailable = 0;
    }

    /** The next chain the driver made available, or null when there is none (or the queue is not live). */
    public DescriptorChain next() {
        if (!ready || size == 0 || lastAvailable == (int) memory.load(available + 2, 2)) {
            return null;
        }
        int head = (int) memory.load(available + 4 + 2L * (lastAvailable % size), 2);
        lastAvailable = (lastAvailable + 1) & 0xffff;
        return chain(head);
    }

    /** Gives a chain back to the driver, saying how many bytes the device wrote into it. */
    public void complete(DescriptorChain chain, int written) {
        int usedIndex = (int) memory.load(used + 2, 2);
        long element = used + 4 + 8L * (usedIndex % size);
        memory.store(element, 4, chain.head());
        memory.store(element + 4, 4, written);
        memory.store(used + 2, 2, (usedIndex + 1) & 0xffff);
        if ((memory.load(available, 2) & AVAIL_F_NO_INTERRUPT) == 0) {
            onUsed.run();
        }
    }

    /** Serves every chain the driver made available, each completed at once: request and response devices. */
    public void serve(Processor processor) {
        for (DescriptorChain chain = next(); chain != null; chain = next()) {
            complete(chain, processor.process(chain));
        }
    }

    private DescriptorChain chain(int head) {
        List<DescriptorChain.Buffer> buffers = new ArrayList<>();
        int index = head;
        for (int steps = 0; steps < size; steps++) {
            long descriptor = descriptors + (long) DESCRIPTOR_SIZE * index;
            int flags = (int) memory.load(descriptor + 12, 2);
            if ((flags & DESC_F_INDIRECT) != 0) {
                throw new IllegalStateException("indirect descriptors were not offered but the driver used one");
            }
            buffers.add(new DescriptorChain.Buffer(memory.load(descriptor, 8), (int) memory.load(descriptor + 8, 4),
                    (flags & DESC_F_WRITE) != 0));
            if ((flags & DESC_F_NEXT) == 0) {
                return new DescriptorChain(memory, head, buffers);
            }
            index = (int) memory.load(descriptor + 14, 2);
        }
        throw new IllegalStateException("descriptor chain from " + head + " loops");
    }
}
