package org.chariot.emulator.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.chariot.emulator.guest.DriverBuild;
import org.chariot.emulator.guest.GuestKit;
import org.chariot.emulator.events.EventStream;
import org.chariot.emulator.guest.Installation;
import org.chariot.emulator.monitor.Policy;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Real drivers built with the real kit, run in the real guest on our machine and on QEMU, the reference. */
class DriverRunTest {

    private static GuestKit kit;
    private static Path examples;

    @TempDir
    Path work;

    private final ConsoleRecorder recorder = new ConsoleRecorder();

    @BeforeAll
    static void openKit() throws Exception {
        kit = GuestTests.kit();
        examples = Installation.fromEnvironment().examples();
    }

    static Stream<Named<GuestMachine>> machines() {
        return Stream.of(new OwnMachine(), new QemuMachine()).map(m -> Named.of(m.name(), m));
    }

    private RunResult run(GuestMachine machine, Path driver, List<String> parameters, Path exercise, Duration timeout) {
        List<Path> drivers = driver == null ? List.of() : List.of(driver);
        RunRequest request = new RunRequest(drivers, parameters, exercise, List.of(), List.of(), 128, timeout);
        return new DriverRun(kit, machine, work, recorder).run(request);
    }

    private RunResult run(GuestMachine machine, Path driver) {
        return run(machine, driver, List.of(), null, Duration.ofSeconds(120));
    }

    /** A copy of a driver directory, so that Kbuild's outputs land in the test's scratch space. */
    private Path copyOf(Path source) throws IOException {
        return GuestTests.copyOf(source, work);
    }

    private Path testDriver(String name) throws IOException {
        return copyOf(Path.of("src/test/resources/drivers", name));
    }

    @ParameterizedTest
    @MethodSource("machines")
    void helloLoadsWithItsParameterAndUnloads(GuestMachine machine) throws Exception {
        RunResult result = run(machine, copyOf(examples.resolve("hello")), List.of("whom=chariot"), null, Duration.ofSeconds(120));
        assertEquals(ExitStatus.OK, result.status(), result::toString);
        assertTrue(recorder.printed("hello: hello, chariot"), "the driver's init message with its parameter");
        assertTrue(recorder.printed("@chariot load hello ok"));
        assertTrue(recorder.printed("hello: goodbye, chariot"), "the driver's exit message");
        assertTrue(recorder.printed("@chariot unload hello ok"));
    }

    @ParameterizedTest
    @MethodSource("machines")
    void aPrebuiltModuleRunsAsWell(GuestMachine machine) throws Exception {
        Path driver = copyOf(examples.resolve("hello"));
        Path ko = new DriverBuild(kit).build(driver).get(0);
        assertEquals(ExitStatus.OK, run(machine, ko).status());
        assertTrue(recorder.printed("hello: hello, world"));
    }

    @ParameterizedTest
    @MethodSource("machines")
    void theCharacterDeviceServesItsExerciseProgram(GuestMachine machine) throws Exception {
        Path driver = copyOf(examples.resolve("chardev"));
        RunResult result = run(machine, driver, List.of(), driver.resolve("exercise.c"), Duration.ofSeconds(120));
        assertEquals(ExitStatus.OK, result.status(), result::toString);
        assertTrue(recorder.printed("@chariot exercise exit 0"));
        assertTrue(recorder.printed("exercise: read back"));
    }

    /** Our machine only: the example MMIO device is ours (see examples/drivers/platform/DEVICE.md). */
    @Test
    void thePlatformDriverDrivesTheExampleDeviceAndItsInterrupt() throws Exception {
        RunResult result = run(new OwnMachine(), copyOf(examples.resolve("platform")));
        assertEquals(ExitStatus.OK, result.status(), result::toString);
        assertTrue(recorder.printed("id 0x43484152"), "the driver read the device's ID register");
        assertTrue(recorder.printed("interrupt received"), "the device's countdown interrupt reached the driver");
        assertTrue(recorder.printed("@chariot unload chariot_example ok"));
    }

    @Test
    void anIsolatedBuggyDriverIsReportedOnTheEventStreamAndEndsTheRunWithViolations() throws Exception {
        Path events = work.resolve("events.jsonl");
        RunRequest request = new RunRequest(List.of(copyOf(examples.resolve("buggy-overflow"))), List.of(), null,
                List.of(), List.of(), 128, Duration.ofSeconds(120)).isolated(Policy.BLOCK);
        RunResult result;
        try (EventStream stream = EventStream.create(events)) {
            RunListener listener = RunListeners.of(recorder, EventRecorder.of(stream, kit.kernelIdentity()));
            result = new DriverRun(kit, new OwnMachine(), work, listener).run(request);
        }
        assertEquals(ExitStatus.VIOLATIONS, result.status(), result::toString);
        assertTrue(result.message().contains("buggy_overflow.c:"), result.message());
        List<String> records = Files.readAllLines(events);
        assertTrue(records.getFirst().contains("\"policy\":\"block\",\"isolate\":[\"buggy_overflow\"]"),
                records.getFirst());
        assertEquals(1, records.stream().filter(r -> r.startsWith("{\"type\":\"module\"")
                && r.contains("\"event\":\"loaded\",\"sections\":[")).count(), "one load record, with sections");
        assertEquals(1, records.stream().filter(r -> r.startsWith("{\"type\":\"violation\"")
                && r.contains("\"kind\":\"heap-overflow\"") && r.contains("\"verdict\":\"blocked\"")).count());
        List<String> allocation = records.stream().filter(r -> r.startsWith("{\"type\":\"grant\"")
                && r.contains("\"kind\":\"allocation\"") && r.contains("\"size\":16")).toList();
        assertEquals(2, allocation.size(), "the 16-byte buffer granted at kmalloc's return, revoked at its kfree: "
                + allocation);
        assertTrue(allocation.get(0).contains("\"event\":\"granted\"") && allocation.get(0).contains(
                "\"function\":\"buggy_overflow_init\""), allocation.get(0));
        assertTrue(allocation.get(1).contains("\"event\":\"revoked\""), allocation.get(1));
        assertTrue(records.getLast().contains("\"exitCode\":7") && records.getLast().endsWith(
                "\"violations\":{\"heap-overflow\":1}}"), records.getLast());
    }

    @Test
    void aDirectoryWithoutMakefileIsRefusedWithAdvice() throws Exception {
        RunResult result = run(new QemuMachine(), testDriver("no-makefile"));
        assertEquals(ExitStatus.USAGE, result.status());
        assertTrue(result.message().contains("obj-m"), result.message());
        assertTrue(recorder.stages().stream().noneMatch(s -> s.startsWith("booting")), "nothing was booted");
    }

    @Test
    void aDiskOrCaptureTheMachineCannotUseIsRefusedBeforeTheBuild() throws Exception {
        RunRequest base = new RunRequest(List.of(examples.resolve("hello")), List.of(), null, List.of(), List.of(), 128,
                Duration.ofSeconds(120));
        RunResult noDisk = new DriverRun(kit, new OwnMachine(), work, recorder)
                .run(base.withPciDisk(work.resolve("missing.img")));
        assertEquals(ExitStatus.USAGE, noDisk.status());
        assertTrue(noDisk.message().contains("truncate -s 1M"), noDisk.message());
        RunResult noDirectory = new DriverRun(kit, new OwnMachine(), work, recorder)
                .run(base.withNetworkCapture(work.resolve("no/such/dir/link.pcap")));
        assertEquals(ExitStatus.USAGE, noDirectory.status());
        assertTrue(noDirectory.message().contains("does not exist; give a file in an existing directory"),
                noDirectory.message());
        assertTrue(recorder.stages().stream().noneMatch(s -> s.startsWith("building") || s.startsWith("booting")),
                () -> "nothing built or booted: " + recorder.stages());
    }

    @Test
    void compilerErrorsAreShownWithFileAndLine() throws Exception {
        RunResult result = run(new QemuMachine(), testDriver("does-not-compile"));
        assertEquals(ExitStatus.BUILD_FAILED, result.status());
        assertTrue(result.evidence().stream().anyMatch(line -> line.contains("broken.c:6:")
                && line.contains("undeclared_variable")), String.join("\n", result.evidence()));
    }

    @ParameterizedTest
    @MethodSource("machines")
    void aModuleThatRefusesToLoadIsReportedWithItsError(GuestMachine machine) throws Exception {
        RunResult result = run(machine, testDriver("fails-to-load"));
        assertEquals(ExitStatus.DRIVER_FAILED, result.status());
        assertEquals("loading module nodevice failed: ENODEV (19)", result.message());
        assertTrue(recorder.printed("nodevice: no device found"));
    }

    @ParameterizedTest
    @MethodSource("machines")
    void aGuestPanicEndsTheRunWithTheKernelsMessage(GuestMachine machine) throws Exception {
        RunResult result = run(machine, testDriver("panics"));
        assertEquals(ExitStatus.GUEST_PANIC, result.status());
        assertTrue(result.message().contains("panicky: giving up"), result.message());
        assertTrue(result.evidence().stream().anyMatch(line -> line.contains("Kernel panic")));
    }

    /** On QEMU only: the guest boots in well under the limit there, so the limit is what stops it. */
    @Test
    void anExerciseThatNeverEndsIsStoppedAtTheTimeLimit() throws Exception {
        Path spin = Files.writeString(work.resolve("spin.c"), "int main(void) { for (;;) { } }\n");
        RunResult result = run(new QemuMachine(), null, List.of(), spin, Duration.ofSeconds(8));
        assertEquals(ExitStatus.TIMEOUT, result.status(), result::toString);
        assertTrue(recorder.printed("@chariot exercise start"));
    }
}
