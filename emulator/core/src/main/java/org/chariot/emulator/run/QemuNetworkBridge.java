package org.chariot.emulator.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.SocketException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.chariot.emulator.devices.net.HostNetwork;
import org.chariot.emulator.devices.net.PacketCapture;

/**
 * Puts QEMU's network card on the same host network as our machine's: QEMU's {@code dgram} netdev
 * sends each frame as one datagram to a socket of ours on the loopback interface, the emulator's
 * host peer answers, and the answers go back the same way. So the same peer (and capture) serves
 * both machines, and QEMU needs no privileges either.
 */
final class QemuNetworkBridge implements AutoCloseable {

    /** Longer than any Ethernet frame the guest sends (1514 bytes without offloads). */
    private static final int MAX_FRAME = 65536;

    private final DatagramSocket socket;
    private final HostNetwork network;
    private final Thread reader;
    private volatile SocketAddress qemu;

    private QemuNetworkBridge(DatagramSocket socket, HostNetwork network) {
        this.socket = socket;
        this.network = network;
        network.connect(this::toQemu);
        this.reader = new Thread(this::pump, "chariot-qemu-network");
        reader.setDaemon(true);
        reader.start();
    }

    /** Opens the socket (any free port on 127.0.0.1) and starts forwarding; frames are captured if asked. */
    static QemuNetworkBridge open(Path capture) throws IOException {
        DatagramSocket socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        try {
            return new QemuNetworkBridge(socket, new HostNetwork(capture == null ? Optional.empty()
                    : Optional.of(PacketCapture.create(capture))));
        } catch (IOException e) {
            socket.close();
            throw e;
        }
    }

    /** QEMU's arguments for a modern virtio-net card on the PCI bus, wired to this bridge. */
    List<String> qemuArguments() {
        return List.of("-netdev", "dgram,id=net0,local.type=inet,local.host=127.0.0.1,local.port=0,remote.type=inet,"
                + "remote.host=127.0.0.1,remote.port=" + socket.getLocalPort(),
                "-device", "virtio-net-pci-non-transitional,netdev=net0,romfile=");
    }

    private void pump() {
        byte[] buffer = new byte[MAX_FRAME];
        DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
        try {
            while (true) {
                socket.receive(packet);
                qemu = packet.getSocketAddress();
                network.fromGuest(Arrays.copyOf(buffer, packet.getLength()));
            }
        } catch (SocketException closed) {
            // close() ended the bridge
        } catch (IOException e) {
            throw new UncheckedIOException("the network bridge to QEMU failed", e);
        }
    }

    private void toQemu(byte[] frame) {
        try {
            socket.send(new DatagramPacket(frame, frame.length, qemu));
        } catch (IOException e) {
            throw new UncheckedIOException("sending a frame to QEMU failed", e);
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
        try {
            reader.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        network.close();
    }
}
