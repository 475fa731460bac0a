package org.chariot.emulator.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.chariot.emulator.guest.GuestKit;
import org.chariot.emulator.guest.GuestToolException;
import org.chariot.emulator.monitor.Policy;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The kernel's own virtio-rng and virtio-blk modules drive the machine's virtio devices, the disk
 * on virtio-mmio or on the PCI bus (through virtio_pci). On virtio-mmio and our machine they run
 * isolated and, being correct, write nothing they may not (status OK). On the PCI bus they run
 * without isolation: isolated, virtio_pci's own stack frames are reported as its caller's when
 * virtio_blk reaches it through the virtio core (vp_find_vqs), a monitor limit for the isolation issue.
 */
class VirtioDriversTest {

    private static GuestKit kit;

    @TempDir
    Path work;

    @BeforeAll
    static void openKit() throws Exception {
        kit = GuestTests.kit();
    }

    static Stream<Named<GuestMachine>> machines() {
        return Stream.of(new OwnMachine(), new QemuMachine()).map(m -> Named.of(m.name(), m));
    }

    @ParameterizedTest
    @MethodSource("machines")
    void randomBytesAndABlockWrittenAndReadBack(GuestMachine machine) throws Exception {
        Path disk = disk();
        RunRequest request = request(List.of("virtio-rng", "virtio_blk"), disk)
                .isolated(machine instanceof OwnMachine ? Policy.BLOCK : null);
        assertExercisedAndWritten(machine, request, disk);
    }

    @ParameterizedTest
    @MethodSource("machines")
    void aBlockWrittenAndReadBackOnThePciBus(GuestMachine machine) throws Exception {
        Path disk = disk();
        RunRequest request = request(List.of("virtio-rng", "virtio_pci", "virtio_blk"), null).withPciDisk(disk);
        assertExercisedAndWritten(machine, request, disk);
    }

    private Path disk() throws Exception {
        byte[] image = new byte[64 * 1024];
        byte[] hostText = "written by the host\0".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(hostText, 0, image, 0, hostText.length);
        return Files.write(work.resolve("disk.img"), image);
    }

    private static RunRequest request(List<String> modules, Path disk) throws GuestToolException {
        List<Path> files = new ArrayList<>();
        for (String module : modules) {
            files.add(kit.modules().module(module).file());
        }
        return new RunRequest(files, List.of(), Path.of("src/test/resources/exercises/virtio.c"), List.of(), List.of(),
                128, disk, Duration.ofSeconds(120), null);
    }

    private void assertExercisedAndWritten(GuestMachine machine, RunRequest request, Path disk) throws Exception {
        ConsoleRecorder recorder = new ConsoleRecorder();
        RunResult result = new DriverRun(kit, machine, work, recorder).run(request);
        assertEquals(ExitStatus.OK, result.status(), () -> result + "\n" + String.join("\n", recorder.console()));
        assertTrue(recorder.console().contains("virtio: read 32 random bytes from /dev/hwrng"));
        assertTrue(recorder.console().contains("virtio: sector 0 reads \"written by the host\""));
        byte[] sectorOne = Arrays.copyOfRange(Files.readAllBytes(disk), 512, 512 + 20);
        assertEquals("written by the guest", new String(sectorOne, StandardCharsets.US_ASCII), "the guest's block on the host file");
    }
}
