package org.chariot.emulator.devices.net;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class HostPeerTest {

    private static final byte[] GUEST_MAC = HexFormat.of().parseHex("525400123456");
    private static final byte[] GUEST_IP = {10, 0, 2, 15};
    private final HostPeer peer = new HostPeer();

    private static byte[] range(byte[] frame, int from, int length) {
        return Arrays.copyOfRange(frame, from, from + length);
    }

    private static int word(byte[] frame, int at) {
        return (frame[at] & 0xff) << 8 | frame[at + 1] & 0xff;
    }

    @Test
    void answersWhoHas10002WithItsOwnAddress() {
        byte[] reply = peer.answer(GuestFrames.ARP_REQUEST);
        assertEquals(42, reply.length);
        assertArrayEquals(GUEST_MAC, range(reply, 0, 6), "to the asker");
        assertArrayEquals(HostPeer.MAC, range(reply, 6, 6));
        assertEquals(0x0806, word(reply, 12));
        assertEquals(2, word(reply, 20), "an ARP reply");
        assertArrayEquals(HostPeer.MAC, range(reply, 22, 6), "sender hardware address: the peer's");
        assertArrayEquals(HostPeer.ADDRESS, range(reply, 28, 4));
        assertArrayEquals(GUEST_MAC, range(reply, 32, 6));
        assertArrayEquals(GUEST_IP, range(reply, 38, 4));
    }

    @Test
    void echoesPingsWithTheSameIdentifierSequenceAndData() {
        byte[] request = GuestFrames.ECHO_REQUEST;
        byte[] reply = peer.answer(request);
        assertEquals(request.length, reply.length);
        assertArrayEquals(GUEST_MAC, range(reply, 0, 6));
        assertArrayEquals(HostPeer.ADDRESS, range(reply, GuestFrames.IP + 12, 4), "from 10.0.2.2");
        assertArrayEquals(GUEST_IP, range(reply, GuestFrames.IP + 16, 4), "to the guest");
        assertEquals(0, reply[GuestFrames.ICMP], "echo reply");
        assertArrayEquals(range(request, GuestFrames.ICMP + 4, request.length - GuestFrames.ICMP - 4),
                range(reply, GuestFrames.ICMP + 4, reply.length - GuestFrames.ICMP - 4), "id, sequence and data");
    }

    @Test
    void sendsUdpBackWithThePortsSwapped() {
        byte[] reply = peer.answer(GuestFrames.UDP_DATAGRAM);
        assertEquals(GuestFrames.UDP_DATAGRAM.length, reply.length);
        assertEquals(7, word(reply, GuestFrames.UDP), "from the port the guest sent to");
        assertEquals(38137, word(reply, GuestFrames.UDP + 2));
        assertEquals(1, reply[GuestFrames.UDP + 8], "the same byte");
    }

    @Test
    void saysNothingToFramesARealHostWouldIgnore() {
        byte[] badHeaderChecksum = GuestFrames.ECHO_REQUEST.clone();
        badHeaderChecksum[GuestFrames.IP + 10] ^= 1;
        assertNull(peer.answer(badHeaderChecksum));
        byte[] badIcmpChecksum = GuestFrames.ECHO_REQUEST.clone();
        badIcmpChecksum[GuestFrames.ICMP + 2] ^= 1;
        assertNull(peer.answer(badIcmpChecksum));
        byte[] badUdpChecksum = GuestFrames.UDP_DATAGRAM.clone();
        badUdpChecksum[GuestFrames.UDP + 8] ^= 1; // the data no longer matches the checksum
        assertNull(peer.answer(badUdpChecksum));
        byte[] otherMac = GuestFrames.ECHO_REQUEST.clone();
        otherMac[5] ^= 1;
        assertNull(peer.answer(otherMac), "not addressed to the peer's card");
        byte[] otherHost = GuestFrames.ARP_REQUEST.clone();
        otherHost[41] = 9;
        assertNull(peer.answer(otherHost), "who has 10.0.2.9: not the peer");
        assertNull(peer.answer(Arrays.copyOf(GuestFrames.ECHO_REQUEST, 30)), "truncated");
    }

    @Test
    void answersADatagramWithoutChecksumAndIgnoresFragments() {
        byte[] noChecksum = GuestFrames.UDP_DATAGRAM.clone();
        noChecksum[GuestFrames.UDP + 6] = noChecksum[GuestFrames.UDP + 7] = 0;
        assertEquals(GuestFrames.UDP_DATAGRAM.length, peer.answer(noChecksum).length, "UDP's checksum is optional");
        byte[] fragment = GuestFrames.UDP_DATAGRAM.clone();
        fragment[GuestFrames.IP + 6] = 0x20; // more fragments; the header checksum no longer holds either
        assertNull(peer.answer(fragment));
    }
}
