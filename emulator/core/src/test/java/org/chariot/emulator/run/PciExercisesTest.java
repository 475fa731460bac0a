package org.chariot.emulator.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.chariot.emulator.devices.net.Tcpdump;
import org.chariot.emulator.guest.GuestKit;
import org.chariot.emulator.guest.Installation;
import org.chariot.emulator.monitor.Policy;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Devices on the PCI bus driven from user space: the kernel's virtio_net pings the host peer and
 * echoes UDP through it, on both machines, every frame in a capture that tcpdump reads back; and
 * the pci example driver does DMA round trips with the example PCI device, isolated.
 *
 * <p>virtio_net runs without isolation here: the monitor still reports its writes to the
 * net_device that alloc_etherdev_mqs made for it (the isolation issue's to grant).
 */
class PciExercisesTest {

    private static GuestKit kit;
    private static Path examples;

    @TempDir
    Path work;

    private final ConsoleRecorder recorder = new ConsoleRecorder();

    @BeforeAll
    static void openKit() throws Exception {
        String kitDirectory = System.getProperty("chariot.kit", "");
        assumeTrue(!kitDirectory.isBlank(), "no guest kit given: ./chariot test builds it and passes -Dchariot.kit");
        kit = GuestKit.open(Path.of(kitDirectory));
        examples = Installation.fromEnvironment().examples().getParent();
    }

    static Stream<Named<GuestMachine>> machines() {
        return Stream.of(new OwnMachine(), new QemuMachine()).map(m -> Named.of(m.name(), m));
    }

    private RunResult run(GuestMachine machine, RunRequest request) {
        return new DriverRun(kit, machine, work, recorder).run(request);
    }

    private void assertPassed(RunResult result, String exerciseVerdict) {
        assertEquals(ExitStatus.OK, result.status(), () -> result + "\n" + String.join("\n", recorder.console()));
        assertTrue(recorder.printed(exerciseVerdict), exerciseVerdict);
    }

    @ParameterizedTest
    @MethodSource("machines")
    void virtioNetPingsAndEchoesUdpAndTheCaptureHoldsEveryFrame(GuestMachine machine) throws Exception {
        Path capture = work.resolve("link.pcap");
        RunRequest request = new RunRequest(List.of(kit.modules().module("virtio_pci").file(),
                kit.modules().module("virtio_net").file()), List.of(), examples.resolve("exercises/net.c"), List.of(),
                List.of(), 128, null, Duration.ofSeconds(120), null).withNetworkCapture(capture);
        assertPassed(run(machine, request), "net: all checks passed");
        assertTrue(recorder.printed("net: 64 bytes from 10.0.2.2: icmp_seq=3 ttl=64"));
        assertTrue(recorder.printed("net: udp echo of 1472 bytes from 10.0.2.2:7"));

        List<String> frames = Tcpdump.read(capture);
        assertEquals(1, count(frames, "Reply 10.0.2.2 is-at 52:55:0a:00:02:02"), String.join("\n", frames));
        for (int seq = 1; seq <= 3; seq++) {
            assertEquals(1, count(frames, "10.0.2.15 > 10.0.2.2: ICMP echo request, id 17224, seq " + seq));
            assertEquals(1, count(frames, "10.0.2.2 > 10.0.2.15: ICMP echo reply, id 17224, seq " + seq));
        }
        for (int length : new int[] {1, 512, 1472}) {
            String udp = "[udp sum ok] UDP, length " + length;
            assertEquals(2, frames.stream().filter(frame -> frame.endsWith(udp)).count(), "the datagram and its echo");
        }
        assertEquals(0, count(frames, "bad") + count(frames, "wrong"), "no frame with a checksum tcpdump rejects");
    }

    private static long count(List<String> frames, String text) {
        return frames.stream().filter(frame -> frame.contains(text)).count();
    }

    @Test
    void thePciExampleDriverDoesDmaRoundTripsIsolatedWithoutAViolation() throws Exception {
        Path driver = ExampleCopies.copy(examples.resolve("drivers/pci"), work);
        RunRequest request = new RunRequest(List.of(driver), List.of(), driver.resolve("exercise.c"), List.of(),
                List.of(), 128, null, Duration.ofSeconds(120), Policy.BLOCK);
        assertPassed(run(new OwnMachine(), request), "pci: all checks passed");
        assertTrue(recorder.printed("pci: 4096 bytes at 0: device crc32"));
        assertTrue(recorder.printed("chariot_pci 0000:00:02.0: 6 transfers"), "three round trips, two transfers each");
        assertTrue(recorder.printed("@chariot unload chariot_pci ok"));
    }
}
