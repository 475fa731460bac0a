package org.chariot.emulator.devices.virtio;

import java.io.ByteArrayOutputStream;
import java.util.List;
import org.chariot.emulator.devices.GuestMemory;

/**
 * The buffers of one request, in chain order: the driver-written (readable) ones first, then the
 * device-writable ones, as the virtio specification requires.
 */
public final class DescriptorChain {

    /** One guest buffer of the chain. */
    public record Buffer(long address, int length, boolean writable) {
    }

    private final GuestMemory memory;
    private final int head;
    private final List<Buffer> buffers;

    DescriptorChain(GuestMemory memory, int head, List<Buffer> buffers) {
        this.memory = memory;
        this.head = head;
        this.buffers = List.copyOf(buffers);
    }

    /** The index of the chain's first descriptor, by which the used ring returns it. */
    int head() {
        return head;
    }

    /** Everything the driver wrote, concatenated. */
    public byte[] readable() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Buffer buffer : buffers) {
            if (!buffer.writable()) {
                byte[] part = new byte[buffer.length()];
                memory.read(buffer.address(), part, 0, part.length);
                out.writeBytes(part);
            }
        }
        return out.toByteArray();
    }

    /** Total bytes the device may write. */
    public int writableLength() {
        return buffers.stream().filter(Buffer::writable).mapToInt(Buffer::length).sum();
    }

    /** Writes {@code data} into the writable buffers from their start; returns the bytes written. */
    public int write(byte[] data) {
        return writeAt(0, data);
    }

    /** Writes {@code data} starting {@code skip} bytes into the writable part; returns bytes written. */
    public int writeAt(int skip, byte[] data) {
        int written = 0, position = 0;
        for (Buffer buffer : buffers) {
            if (!buffer.writable()) {
                continue;
            }
            int start = Math.max(0, skip - position);
            int count = Math.min(buffer.length() - start, data.length - written);
            if (count > 0) {
                memory.write(buffer.address() + start, data, written, count);
                written += count;
            }
            position += buffer.length();
        }
        return written;
    }
}
