package org.chariot.emulator.devices.virtio;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import org.chariot.emulator.snapshot.Snapshottable;

/**
 * virtio network device: queue 0 receives, queue 1 transmits, the MAC address is in the
 * configuration space, and no offloads are offered (the guest computes its checksums and sends
 * no frame longer than its MTU). Every buffer carries the 12-byte {@code virtio_net_hdr_v1} first.
 *
 * <p>Frames the guest transmits go to the wire; frames for the guest wait (at most
 * {@value #MAX_WAITING}, then they are dropped, as a card without buffers drops them) until the
 * driver has a receive buffer, and are delivered whenever the driver notifies either queue. The
 * host side only ever answers what the guest sends, so an answer is delivered at once.
 */
public final class VirtioNet implements VirtioBackend, Snapshottable {

    static final int RECEIVE = 0, TRANSMIT = 1;
    static final long F_MAC = 1L << 5;
    static final int HEADER = 12, NUM_BUFFERS = 10, MAX_WAITING = 64;

    private final byte[] mac;
    private final Consumer<byte[]> wire;
    private final ArrayDeque<byte[]> waiting = new ArrayDeque<>();

    /** @param wire where the frames the guest sends go */
    public VirtioNet(byte[] mac, Consumer<byte[]> wire) {
        if (mac.length != 6) {
            throw new IllegalArgumentException("a MAC address has 6 bytes, not " + mac.length);
        }
        this.mac = mac.clone();
        this.wire = wire;
    }

    /** The frames waiting for the guest; the wire's far end (the peer, a capture) is the host's, not the machine's. */
    @Override
    public synchronized void saveState(DataOutput out) throws IOException {
        out.writeInt(waiting.size());
        for (byte[] frame : waiting) {
            out.writeInt(frame.length);
            out.write(frame);
        }
    }

    @Override
    public synchronized void restoreState(DataInput in) throws IOException {
        waiting.clear();
        for (int count = in.readInt(); count > 0; count--) {
            byte[] frame = new byte[in.readInt()];
            in.readFully(frame);
            waiting.add(frame);
        }
    }

    /** A frame from the wire for the guest. */
    public synchronized void receive(byte[] frame) {
        if (waiting.size() < MAX_WAITING) {
            waiting.add(frame);
        }
    }

    @Override
    public int deviceId() {
        return 1;
    }

    @Override
    public long features() {
        return F_MAC;
    }

    @Override
    public int queueCount() {
        return 2;
    }

    /** Configuration space: the MAC address at offset 0; the rest (status, queue pairs) is not offered. */
    @Override
    public long config(int offset, int size) {
        long value = 0;
        for (int i = size - 1; i >= 0; i--) {
            int at = offset + i;
            value = value << 8 | (at < mac.length ? mac[at] & 0xff : 0);
        }
        return value;
    }

    @Override
    public synchronized void notified(int index, List<SplitVirtqueue> queues) {
        if (index == TRANSMIT) {
            SplitVirtqueue transmit = queues.get(TRANSMIT);
            for (DescriptorChain chain = transmit.next(); chain != null; chain = transmit.next()) {
                byte[] buffer = chain.readable();
                transmit.complete(chain, 0);
                if (buffer.length > HEADER) {
                    wire.accept(Arrays.copyOfRange(buffer, HEADER, buffer.length));
                }
            }
        }
        deliver(queues.get(RECEIVE));
    }

    private void deliver(SplitVirtqueue receive) {
        while (!waiting.isEmpty()) {
            DescriptorChain chain = receive.next();
            if (chain == null) {
                return;
            }
            byte[] frame = waiting.remove();
            byte[] buffer = new byte[HEADER + frame.length];
            buffer[NUM_BUFFERS] = 1;
            System.arraycopy(frame, 0, buffer, HEADER, frame.length);
            receive.complete(chain, chain.write(buffer));
        }
    }

    @Override
    public synchronized void reset() {
        waiting.clear();
    }
}
