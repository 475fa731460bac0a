package org.chariot.emulator.devices.virtio;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.chariot.emulator.bus.AccessFault;
import org.chariot.emulator.devices.net.GuestFrames;
import org.chariot.emulator.devices.net.HostNetwork;
import org.chariot.emulator.devices.pci.PciTestBus;
import org.junit.jupiter.api.Test;

/** virtio-net on the PCI bus, wired to the host network, driven as Linux's virtio_net drives it. */
class VirtioNetTest {

    private static final byte[] MAC = HexFormat.of().parseHex("525400123456");
    private static final long TRANSMIT_BUFFER = QueueDriver.DATA, RECEIVE_BUFFER = QueueDriver.DATA + 0x1000;
    private static final int RECEIVE_SIZE = 1526; // virtio_net's small buffers: header and a full frame

    private final PciTestBus bus = new PciTestBus();
    private final HostNetwork network = new HostNetwork(Optional.empty());
    private final List<byte[]> wire = new ArrayList<>();
    private final QueueDriver driver = new QueueDriver(memory -> {
        VirtioNet card = new VirtioNet(MAC, frame -> {
            wire.add(frame);
            network.fromGuest(frame);
        });
        network.connect(card::receive);
        return new PciTransport(bus, new VirtioPci(card, memory));
    }, 2);

    private PciTransport pci() {
        return (PciTransport) driver.transport();
    }

    /** Sends a frame as virtio_net does: the 12-byte header, then the frame, in one buffer. */
    private void transmit(byte[] frame) {
        byte[] buffer = new byte[VirtioNet.HEADER + frame.length];
        System.arraycopy(frame, 0, buffer, VirtioNet.HEADER, frame.length);
        driver.memory.write(TRANSMIT_BUFFER, buffer, 0, buffer.length);
        driver.submit(VirtioNet.TRANSMIT, driver.descriptor(VirtioNet.TRANSMIT, TRANSMIT_BUFFER, buffer.length, false,
                false));
    }

    private void offerReceiveBuffer() {
        driver.offer(VirtioNet.RECEIVE, driver.descriptor(VirtioNet.RECEIVE, RECEIVE_BUFFER, RECEIVE_SIZE, true, false));
    }

    private byte[] received(int n) {
        int length = (int) driver.usedElement(VirtioNet.RECEIVE, n)[1];
        byte[] buffer = new byte[length];
        driver.memory.read(RECEIVE_BUFFER, buffer, 0, length);
        return buffer;
    }

    @Test
    void theMacAddressIsInTheDeviceConfiguration() {
        assertEquals(0x1041_1af4L, configWord(0), "vendor 0x1af4, device 0x1040 + 1 (network)");
        for (int i = 0; i < MAC.length; i++) {
            assertEquals(MAC[i] & 0xff, pci().deviceConfig(i, 1));
        }
        pci().setCommon(VirtioPci.DEVICE_FEATURE_SELECT, 4, 0);
        assertEquals(VirtioNet.F_MAC, pci().common(VirtioPci.DEVICE_FEATURE, 4), "the MAC and no offloads");
        assertEquals(2, pci().common(VirtioPci.NUM_QUEUES, 2), "one receive and one transmit queue");
    }

    private long configWord(int offset) {
        try {
            return bus.config(pci().slot(), offset, 4);
        } catch (AccessFault e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aTransmittedFrameReachesTheWireAndTheAnswerTheReceiveBuffer() {
        offerReceiveBuffer();
        transmit(GuestFrames.ARP_REQUEST);
        assertEquals(1, driver.usedIndex(VirtioNet.TRANSMIT), "the transmit buffer is given back");
        assertArrayEquals(GuestFrames.ARP_REQUEST, wire.getFirst(), "the frame without the virtio header");
        assertEquals(1, driver.usedIndex(VirtioNet.RECEIVE));
        byte[] buffer = received(0);
        assertEquals(VirtioNet.HEADER + 42, buffer.length);
        assertEquals(1, buffer[VirtioNet.NUM_BUFFERS], "one buffer holds the whole frame");
        byte[] frame = Arrays.copyOfRange(buffer, VirtioNet.HEADER, buffer.length);
        assertArrayEquals(MAC, Arrays.copyOf(frame, 6));
        assertArrayEquals(Arrays.copyOfRange(frame, 6, 12), Arrays.copyOfRange(frame, 22, 28),
                "the peer's card sends the ARP reply about itself");
        assertTrue(bus.intx(pci().slot()).high());
    }

    @Test
    void anAnswerWaitsForAReceiveBufferAndARestartDropsIt() {
        transmit(GuestFrames.ECHO_REQUEST);
        assertEquals(0, driver.usedIndex(VirtioNet.RECEIVE), "no buffer yet");
        offerReceiveBuffer();
        driver.transport().notify(VirtioNet.RECEIVE);
        assertEquals(1, driver.usedIndex(VirtioNet.RECEIVE), "delivered once the driver refilled");
        assertEquals(0, received(0)[VirtioNet.HEADER + GuestFrames.ICMP], "an echo reply");

        transmit(GuestFrames.UDP_DATAGRAM);
        driver.restart();
        offerReceiveBuffer();
        driver.transport().notify(VirtioNet.RECEIVE);
        assertEquals(0, driver.usedIndex(VirtioNet.RECEIVE), "the answer that waited was dropped by the reset");
    }
}
