package org.chariot.emulator.devices.net;

import java.util.HexFormat;

/**
 * Frames the guest's Linux sent through its virtio-net card (captured from examples/exercises/net.c
 * on QEMU): from 52:54:00:12:34:56, 10.0.2.15, to the host peer.
 */
public final class GuestFrames {

    /** ARP: who has 10.0.2.2, tell 10.0.2.15 (broadcast). */
    public static final byte[] ARP_REQUEST = hex("ffffffffffff525400123456080600010800060400015254001234560a00020f"
            + "0000000000000a000202");
    /** ICMP echo request, id 17224, seq 1, 56 bytes of data. */
    public static final byte[] ECHO_REQUEST = hex("52550a0002025254001234560800450000541f134000400103860a00020f0a000202"
            + "0800dcc24348000108090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f202122232425262728292a2b2c2d2e2f"
            + "303132333435363738393a3b3c3d3e3f");
    /** UDP from port 38137 to port 7, one byte (0x01), with its checksum. */
    public static final byte[] UDP_DATAGRAM = hex("52550a00020252540012345608004500001d751f40004011ada00a00020f0a000202"
            + "94f90007000951cb01");
    public static final int ETHERNET = 14, IP = 14, ICMP = 34, UDP = 34;

    private GuestFrames() {
    }

    private static byte[] hex(String text) {
        return HexFormat.of().parseHex(text);
    }
}
