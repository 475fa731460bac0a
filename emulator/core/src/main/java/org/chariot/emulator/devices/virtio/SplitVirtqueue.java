package org.chariot.emulator.devices.virtio;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

import java.util.ArrayList;
import java.util.List;
import org.chariot.emulator.devices.GuestMemory;

/**
 * A split virtqueue in guest RAM: descriptor table, available ring (driver to device), used ring
 * (device to driver).
 */
final class SplitVirtqueue {

    static final int MAX_SIZE = 256;
    static final int DESC_F_NEXT = 1, DESC_F_WRITE = 2, DESC_F_INDIRECT = 4;
    private static final int DESCRIPTOR_SIZE = 16;

    int size;
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

    void reset() {
        size = 0;
        ready = false;
        descriptors = available = used = 0;
        lastAvailable = 0;
    }

    /** Serves every request the driver made available; returns true if any was completed. */
    boolean drain(GuestMemory memory, Processor processor) {
        if (!ready || size == 0) {
            return false;
        }
        boolean completed = false;
        int availableIndex = (int) memory.load(available + 2, 2);
        while (lastAvailable != availableIndex) {
            int head = (int) memory.load(available + 4 + 2L * (lastAvailable % size), 2);
            int written = processor.process(chain(memory, head));
            complete(memory, head, written);
            lastAvailable = (lastAvailable + 1) & 0xffff;
            completed = true;
        }
        return completed;
    }

    /** Handles one request chain. */
    interface Processor {
        int process(DescriptorChain chain);
    }

    private DescriptorChain chain(GuestMemory memory, int head) {
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
                return new DescriptorChain(memory, buffers);
            }
            index = (int) memory.load(descriptor + 14, 2);
        }
        throw new IllegalStateException("descriptor chain from " + head + " loops");
    }

    private void complete(GuestMemory memory, int head, int written) {
        int usedIndex = (int) memory.load(used + 2, 2);
        long element = used + 4 + 8L * (usedIndex % size);
        memory.store(element, 4, head);
        memory.store(element + 4, 4, written);
        memory.store(used + 2, 2, (usedIndex + 1) & 0xffff);
    }
}
