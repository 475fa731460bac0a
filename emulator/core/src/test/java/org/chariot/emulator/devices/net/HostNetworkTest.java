package org.chariot.emulator.devices.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HostNetworkTest {

    @TempDir
    Path dir;

    @Test
    void everyFrameBothWaysIsCapturedAndTcpdumpFindsTheAnswersCorrect() throws Exception {
        Path file = dir.resolve("link.pcap");
        List<byte[]> toGuest = new ArrayList<>();
        try (HostNetwork network = new HostNetwork(Optional.of(PacketCapture.create(file)))) {
            network.connect(toGuest::add);
            network.fromGuest(GuestFrames.ARP_REQUEST);
            network.fromGuest(GuestFrames.ECHO_REQUEST);
            network.fromGuest(GuestFrames.UDP_DATAGRAM);
            network.fromGuest(new byte[] {1, 2, 3}); // a runt: captured, not answered
        }
        assertEquals(3, toGuest.size(), "three answers reached the guest");
        List<String> frames = Tcpdump.read(file);
        assertEquals(7, frames.size(), String.join("\n", frames));
        assertTrue(frames.get(0).contains("Request who-has 10.0.2.2 tell 10.0.2.15"), frames.get(0));
        assertTrue(frames.get(1).contains("52:55:0a:00:02:02 > 52:54:00:12:34:56")
                && frames.get(1).contains("Reply 10.0.2.2 is-at 52:55:0a:00:02:02"), frames.get(1));
        assertTrue(frames.get(3).contains("10.0.2.2 > 10.0.2.15: ICMP echo reply, id 17224, seq 1, length 64"),
                frames.get(3));
        assertTrue(frames.get(5).contains("10.0.2.2.7 > 10.0.2.15.38137: [udp sum ok] UDP, length 1"), frames.get(5));
        for (String frame : frames) {
            assertTrue(!frame.contains("bad") && !frame.contains("wrong"), "a checksum tcpdump rejects: " + frame);
        }
    }
}
