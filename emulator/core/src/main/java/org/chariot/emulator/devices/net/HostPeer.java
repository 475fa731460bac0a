package org.chariot.emulator.devices.net;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * The other end of the guest's Ethernet link, inside the emulator and needing no privileges on
 * the host: a station at {@value #ADDRESS_TEXT} (MAC {@code 52:55:0a:00:02:02}, QEMU user
 * networking's host address) that answers ARP requests for its address, answers ICMP echo
 * requests, and sends every UDP datagram back to its sender, ports swapped. Frames it does not
 * understand, or with a bad IPv4, ICMP or UDP checksum, get no answer, as from a real host.
 */
public final class HostPeer {

    static final String ADDRESS_TEXT = "10.0.2.2";
    static final byte[] MAC = HexFormat.ofDelimiter(":").parseHex("52:55:0a:00:02:02");
    static final byte[] ADDRESS = {10, 0, 2, 2};
    static final byte[] BROADCAST = HexFormat.ofDelimiter(":").parseHex("ff:ff:ff:ff:ff:ff");
    static final int ETHERNET_HEADER = 14, ETHERTYPE_IPV4 = 0x0800, ETHERTYPE_ARP = 0x0806;
    static final int ARP_REQUEST = 1, ARP_REPLY = 2, PROTOCOL_ICMP = 1, PROTOCOL_UDP = 17;
    static final int ICMP_ECHO_REPLY = 0, ICMP_ECHO_REQUEST = 8, IPV4_HEADER = 20, UDP_HEADER = 8;
    private static final int ARP_LENGTH = 28, TTL = 64;

    private int nextIdentification;

    /** The frame the peer sends in answer to {@code frame} from the guest, or null for none. */
    public byte[] answer(byte[] frame) {
        if (frame.length < ETHERNET_HEADER || !addressedToPeer(frame)) {
            return null;
        }
        ByteBuffer in = ByteBuffer.wrap(frame);
        return switch (in.getShort(12) & 0xffff) {
            case ETHERTYPE_ARP -> answerArp(frame, in);
            case ETHERTYPE_IPV4 -> answerIpv4(frame, in);
            default -> null;
        };
    }

    private static boolean addressedToPeer(byte[] frame) {
        return Arrays.equals(frame, 0, 6, MAC, 0, 6) || Arrays.equals(frame, 0, 6, BROADCAST, 0, 6);
    }

    private static byte[] answerArp(byte[] frame, ByteBuffer in) {
        int arp = ETHERNET_HEADER;
        if (frame.length < arp + ARP_LENGTH || in.getShort(arp) != 1 || in.getShort(arp + 2) != ETHERTYPE_IPV4
                || in.get(arp + 4) != 6 || in.get(arp + 5) != 4 || in.getShort(arp + 6) != ARP_REQUEST
                || !Arrays.equals(frame, arp + 24, arp + 28, ADDRESS, 0, 4)) {
            return null;
        }
        byte[] requesterMac = Arrays.copyOfRange(frame, arp + 8, arp + 14);
        byte[] requesterAddress = Arrays.copyOfRange(frame, arp + 14, arp + 18);
        ByteBuffer out = ethernet(requesterMac, ETHERTYPE_ARP, ARP_LENGTH);
        out.putShort((short) 1).putShort((short) ETHERTYPE_IPV4).put((byte) 6).put((byte) 4)
                .putShort((short) ARP_REPLY).put(MAC).put(ADDRESS).put(requesterMac).put(requesterAddress);
        return out.array();
    }

    private byte[] answerIpv4(byte[] frame, ByteBuffer in) {
        int ip = ETHERNET_HEADER;
        if (frame.length < ip + IPV4_HEADER || (in.get(ip) & 0xf0) != 0x40) {
            return null;
        }
        int headerLength = 4 * (in.get(ip) & 0x0f);
        int totalLength = in.getShort(ip + 2) & 0xffff;
        boolean fragment = (in.getShort(ip + 6) & 0x3fff) != 0; // more fragments, or an offset
        if (headerLength < IPV4_HEADER || totalLength < headerLength || ip + totalLength > frame.length || fragment
                || !InternetChecksum.verifies(frame, ip, headerLength)
                || !Arrays.equals(frame, ip + 16, ip + 20, ADDRESS, 0, 4)) {
            return null;
        }
        int payload = ip + headerLength;
        int payloadLength = totalLength - headerLength;
        byte[] sender = Arrays.copyOfRange(frame, ip + 12, ip + 16);
        byte[] senderMac = Arrays.copyOfRange(frame, 6, 12);
        return switch (in.get(ip + 9)) {
            case PROTOCOL_ICMP -> answerEcho(frame, payload, payloadLength, sender, senderMac);
            case PROTOCOL_UDP -> echoDatagram(frame, in, payload, payloadLength, sender, senderMac);
            default -> null;
        };
    }

    private byte[] answerEcho(byte[] frame, int icmp, int length, byte[] sender, byte[] senderMac) {
        if (length < 8 || frame[icmp] != ICMP_ECHO_REQUEST || frame[icmp + 1] != 0
                || !InternetChecksum.verifies(frame, icmp, length)) {
            return null;
        }
        byte[] message = Arrays.copyOfRange(frame, icmp, icmp + length);
        message[0] = ICMP_ECHO_REPLY;
        message[2] = message[3] = 0;
        putChecksum(message, 2, new InternetChecksum().add(message, 0, message.length).value());
        return ipv4(senderMac, sender, PROTOCOL_ICMP, message);
    }

    private byte[] echoDatagram(byte[] frame, ByteBuffer in, int udp, int length, byte[] sender, byte[] senderMac) {
        if (length < UDP_HEADER || (in.getShort(udp + 4) & 0xffff) != length) {
            return null;
        }
        boolean checksummed = in.getShort(udp + 6) != 0;
        if (checksummed && udpChecksum(sender, ADDRESS, frame, udp, length).value() != 0) {
            return null;
        }
        byte[] datagram = Arrays.copyOfRange(frame, udp, udp + length);
        ByteBuffer.wrap(datagram).putShort(0, in.getShort(udp + 2)).putShort(2, in.getShort(udp)).putShort(6, (short) 0);
        int checksum = udpChecksum(ADDRESS, sender, datagram, 0, length).value();
        putChecksum(datagram, 6, checksum == 0 ? 0xffff : checksum); // 0 would mean "no checksum"
        return ipv4(senderMac, sender, PROTOCOL_UDP, datagram);
    }

    /** The UDP checksum over the IPv4 pseudo-header and the datagram. */
    private static InternetChecksum udpChecksum(byte[] source, byte[] destination, byte[] data, int offset, int length) {
        return new InternetChecksum().add(source, 0, 4).add(destination, 0, 4).add(PROTOCOL_UDP).add(length)
                .add(data, offset, length);
    }

    /** An IPv4 packet from the peer to {@code destination}, in an Ethernet frame to {@code destinationMac}. */
    private byte[] ipv4(byte[] destinationMac, byte[] destination, int protocol, byte[] payload) {
        ByteBuffer out = ethernet(destinationMac, ETHERTYPE_IPV4, IPV4_HEADER + payload.length);
        int ip = out.position();
        out.put((byte) 0x45).put((byte) 0).putShort((short) (IPV4_HEADER + payload.length))
                .putShort((short) nextIdentification++).putShort((short) 0).put((byte) TTL).put((byte) protocol)
                .putShort((short) 0).put(ADDRESS).put(destination).put(payload);
        byte[] frame = out.array();
        putChecksum(frame, ip + 10, new InternetChecksum().add(frame, ip, IPV4_HEADER).value());
        return frame;
    }

    /** A frame from the peer with its Ethernet header written, positioned at its payload. */
    private static ByteBuffer ethernet(byte[] destinationMac, int etherType, int payloadLength) {
        return ByteBuffer.allocate(ETHERNET_HEADER + payloadLength).put(destinationMac).put(MAC)
                .putShort((short) etherType);
    }

    private static void putChecksum(byte[] data, int at, int checksum) {
        data[at] = (byte) (checksum >>> 8);
        data[at + 1] = (byte) checksum;
    }
}
