package org.chariot.emulator.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.chariot.emulator.guest.GuestKit;
import org.chariot.emulator.guest.Installation;
import org.chariot.emulator.machine.Machine;
import org.chariot.emulator.machine.MachineConfig;
import org.chariot.emulator.monitor.Policy;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs restored from the snapshot of the booted guest behave as booted runs (the real kit, real drivers). */
class BootSnapshotsTest {

    private static GuestKit kit;
    private static Path examples;

    @TempDir
    Path work;

    @TempDir
    Path snapshots;

    private final List<String> stages = new ArrayList<>();

    @BeforeAll
    static void openKit() throws Exception {
        String kitDirectory = System.getProperty("chariot.kit", "");
        assumeTrue(!kitDirectory.isBlank() && !kitDirectory.startsWith("${"),
                "no guest kit given: ./chariot test builds it and passes -Dchariot.kit");
        kit = GuestKit.open(Path.of(kitDirectory));
        examples = Installation.fromEnvironment().examples();
    }

    private OwnMachine restoring() {
        return new OwnMachine(Optional.empty(), peripherals -> { }, UnaryOperator.identity(),
                Optional.of(new BootSnapshots(kit, snapshots, stages::add)));
    }

    private List<String> console(GuestMachine machine, RunRequest request) throws IOException {
        ConsoleRecorder recorder = new ConsoleRecorder();
        Path directory = Files.createTempDirectory(work, "run");
        RunResult result = new DriverRun(kit, machine, directory, recorder).run(request);
        assertEquals(ExitStatus.OK, result.status(), () -> result + "\n" + String.join("\n", recorder.console()));
        return recorder.console();
    }

    /** The console from the init's first report on, without printk's time stamps (no two runs share those). */
    private static List<String> fromInitOn(List<String> console) {
        int first = console.indexOf("@chariot boot");
        assertTrue(first >= 0, () -> "the init never reported: " + console);
        return console.subList(first, console.size()).stream()
                .map(line -> line.replaceFirst("^\\[\\s*\\d+\\.\\d+\\] ", "")).toList();
    }

    private Path copyOf(String example) throws IOException {
        Path target = Files.createDirectories(work.resolve("src-" + example));
        try (Stream<Path> files = Files.list(examples.resolve(example))) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Files.copy(file, target.resolve(file.getFileName()));
            }
        }
        return target;
    }

    @Test
    void aRestoredRunPrintsWhatABootedRunPrintsFromTheInitOn() throws Exception {
        Path chardev = copyOf("chardev");
        RunRequest request = new RunRequest(List.of(copyOf("hello"), chardev), List.of("hello.whom=snapshot"),
                chardev.resolve("exercise.c"), List.of(), List.of(), 128, Duration.ofSeconds(300));
        List<String> booted = fromInitOn(console(new OwnMachine(), request));

        List<String> first = console(restoring(), request);
        assertTrue(stages.stream().anyMatch(s -> s.contains("save a snapshot")), () -> "stages: " + stages);
        List<String> restored = console(restoring(), request);

        assertTrue(restored.getFirst().equals("@chariot boot"), () -> "a restored run starts at the init: " + restored);
        assertEquals(booted, fromInitOn(first), "the run that took the snapshot");
        assertEquals(booted, fromInitOn(restored), "a run restored from the snapshot");
        assertEquals(1, stages.stream().filter(s -> s.contains("save a snapshot")).count(), "one snapshot, reused");
    }

    /**
     * The default machine's devices that Linux set up at boot serve a restored run: the PCI example
     * device where the boot placed its BAR (DMA and its INTx, isolated), virtio-net on the PCI bus,
     * the RTC's time and alarm interrupt.
     */
    @Test
    void theMachinesDevicesServeARestoredRunAsSetUpAtBoot() throws Exception {
        Path pci = copyOf("pci");
        Path exercises = examples.getParent().resolve("exercises");
        List<RunRequest> requests = List.of(
                new RunRequest(List.of(pci), List.of(), pci.resolve("exercise.c"), List.of(), List.of(), 128, null,
                        Duration.ofSeconds(300), Policy.BLOCK),
                new RunRequest(List.of(kit.modules().module("virtio_pci").file(), kit.modules().module("virtio_net")
                        .file()), List.of(), exercises.resolve("net.c"), List.of(), List.of(), 128, null,
                        Duration.ofSeconds(300), null),
                new RunRequest(List.of(), List.of(), exercises.resolve("rtc.c"), List.of(), List.of(), 128, null,
                        Duration.ofSeconds(300), null));
        List<String> verdicts = new ArrayList<>();
        for (RunRequest request : requests) {
            List<String> console = console(restoring(), request);
            assertEquals("@chariot boot", console.getFirst(), "restored, not booted: " + request);
            fromInitOn(console).stream().filter(line -> line.endsWith(": all checks passed")).forEach(verdicts::add);
        }
        assertEquals(List.of("pci: all checks passed", "net: all checks passed", "rtc: all checks passed"), verdicts);
    }

    @Test
    void anotherMemorySizeGetsItsOwnSnapshot() throws Exception {
        for (int memory : List.of(128, 256, 128)) {
            RunRequest request = new RunRequest(List.of(copyOf("hello")), List.of(), null, List.of(), List.of(),
                    memory, Duration.ofSeconds(300));
            List<String> console = console(restoring(), request);
            assertEquals("@chariot boot", console.getFirst(), "restored with " + memory + " MiB");
            Files.walk(work.resolve("src-hello")).sorted((a, b) -> b.compareTo(a)).forEach(p -> p.toFile().delete());
        }
        try (Stream<Path> files = Files.walk(snapshots)) {
            assertEquals(2, files.filter(f -> f.toString().endsWith(".snapshot")).count(), "one per memory size");
        }
    }

    @Test
    void kernelArgumentsOrADiskMakeTheRunBoot() throws Exception {
        RunRequest withArgument = new RunRequest(List.of(copyOf("hello")), List.of(), null, List.of(),
                List.of("loglevel=8"), 128, Duration.ofSeconds(300));
        List<String> console = console(restoring(), withArgument);
        assertTrue(console.indexOf("@chariot boot") > 0, "booted: the kernel's own lines come first");

        Path disk = Files.write(work.resolve("disk.img"), new byte[1 << 20]);
        try (Machine machine = Machine.create(MachineConfig.builder(kit.image()).memoryMib(128).disk(disk).build())) {
            String refusal = machine.snapshotRefusal().orElse("");
            assertTrue(refusal.contains("VirtioMmio"), "a virtio disk cannot save its state: " + refusal);
        }
    }
}
