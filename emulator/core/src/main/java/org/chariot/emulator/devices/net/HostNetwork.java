package org.chariot.emulator.devices.net;

import java.io.IOException;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Everything on the far side of the guest's network card: the {@link HostPeer} on a point-to-point
 * link, and optionally a {@link PacketCapture} of every frame that crosses it, both ways.
 */
public final class HostNetwork implements AutoCloseable {

    private final HostPeer peer = new HostPeer();
    private final Optional<PacketCapture> capture;
    private Consumer<byte[]> toGuest = frame -> { };

    public HostNetwork(Optional<PacketCapture> capture) {
        this.capture = capture;
    }

    /** Says where frames for the guest go: its network card's receive side. */
    public void connect(Consumer<byte[]> guest) {
        toGuest = guest;
    }

    /** A frame the guest sent: recorded, then answered by the peer if it has an answer. */
    public void fromGuest(byte[] frame) {
        capture.ifPresent(c -> c.record(frame));
        byte[] answer = peer.answer(frame);
        if (answer != null) {
            capture.ifPresent(c -> c.record(answer));
            toGuest.accept(answer);
        }
    }

    @Override
    public void close() throws IOException {
        if (capture.isPresent()) {
            capture.get().close();
        }
    }
}
