package org.chariot.emulator.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.chariot.emulator.guest.GuestKit;
import org.chariot.emulator.guest.TestKits;
import org.chariot.emulator.monitor.Policy;
import org.chariot.emulator.monitor.Violation;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The kernel's own driver modules from the kit, run as {@code chariot run --kit-module} runs them
 * on our machine: each loads isolated under the block policy, binds to its (simulated) device, is
 * exercised from user space by {@code exercises/intree.c}, and unloads. Correct kernel code must
 * make no violation, and isolation must not change what the exercise sees: the same run without
 * isolation is the reference.
 */
class InTreeDriversTest {

    private static final Path EXERCISE = Path.of("src/test/resources/exercises/intree.c");

    /**
     * One driver run: the kit modules to load isolated (in order; the kit modules they need load
     * first, not isolated), their parameters, the exercise's arguments, and whether the machine has
     * a virtio disk; {@code knownIssue}, if not null, why isolation still reports correct code of it
     * (the case is skipped, saying so).
     */
    record Case(List<String> modules, List<String> parameters, List<String> exercise, boolean disk,
            String knownIssue) {

        static Case of(String modules, String parameters, String exercise) {
            return new Case(words(modules), words(parameters), words(exercise), false, null);
        }

        Case withDisk() {
            return new Case(modules, parameters, exercise, true, knownIssue);
        }

        Case knownFalseAlarm(String why) {
            return new Case(modules, parameters, exercise, disk, why);
        }

        private static List<String> words(String text) {
            return text.isBlank() ? List.of() : List.of(text.trim().split("\\s+"));
        }
    }

    private static final String RTNETLINK = "a link made through rtnetlink: the kernel allocates the net_device and "
            + "the driver's setup and newlink callbacks fill it; no rule grants it yet (setup's arguments do not lead "
            + "to the callback)";
    private static final String PEERS = "two isolated modules share an object through the kernel's API (the LED core "
            + "hands uleds' led_classdev to the timer trigger, the HID core uhid's hid_device to hid-generic): reported "
            + "as other-driver; isolating only the driver under test needs its peer loaded unisolated";

    @TempDir
    Path work;

    static Stream<Named<Case>> drivers() {
        return Stream.of(
                // Block: the simulated disks and virtio-blk.
                Case.of("null_blk", "null_blk.memory_backed=1 null_blk.gb=1 null_blk.nr_devices=1", "blk /dev/nullb0"),
                Case.of("brd", "brd.rd_nr=1 brd.rd_size=1024", "blk /dev/ram0"),
                Case.of("loop", "", "loop"),
                Case.of("virtio_blk", "", "blk /dev/vda").withDisk(),
                Case.of("virtio_rng", "", "hwrng"),
                // Network: software links, made by module parameter, bus file or rtnetlink.
                Case.of("dummy", "dummy.numdummies=1", "netdev dummy0"),
                Case.of("veth", "", "veth").knownFalseAlarm(RTNETLINK),
                Case.of("netdevsim", "", "netdevsim").knownFalseAlarm("nsim_fib_event_work's store to a stack slot that "
                        + "the monitor still takes for a live saved return address"),
                Case.of("dummy macvlan", "dummy.numdummies=1", "macvlan").knownFalseAlarm(RTNETLINK),
                Case.of("nlmon", "", "nlmon").knownFalseAlarm(RTNETLINK),
                Case.of("tun", "", "tun"),
                Case.of("can can_raw vcan", "", "vcan").knownFalseAlarm(RTNETLINK + "; and can.ko's per-namespace "
                        + "init fills the kernel's struct net"),
                // I2C: the SMBus stub as the adapter, chip drivers instantiated on it.
                Case.of("i2c_dev i2c_stub", "i2c_stub.chip_addr=0x50", "i2c"),
                Case.of("i2c_dev i2c_stub at24", "i2c_stub.chip_addr=0x50", "eeprom"),
                Case.of("i2c_dev i2c_stub lm75", "i2c_stub.chip_addr=0x48", "hwmon"),
                // GPIO simulators, through the character device.
                Case.of("gpio_mockup", "gpio_mockup.gpio_mockup_ranges=-1,8", "gpio gpio-mockup-A"),
                Case.of("gpio_sim", "", "gpio-sim").knownFalseAlarm("configfs show callbacks fill the configfs page, "
                        + "which their arguments do not lead a rule to (the attribute is not one of them)"),
                // Watchdog, IIO, input, LEDs, HID, MTD. (rtc-test stays out: the kernel's alarmtimer
                // holds the module of the first RTC that can wake the system, so it cannot unload.)
                Case.of("softdog", "softdog.soft_noboot=1", "watchdog"),
                Case.of("iio_dummy", "", "iio"),
                Case.of("evdev uinput", "", "uinput"),
                Case.of("uleds ledtrig_timer", "", "uleds").knownFalseAlarm(PEERS),
                Case.of("evdev hid_generic uhid", "", "uhid").knownFalseAlarm(PEERS),
                Case.of("mtdram", "mtdram.total_size=256 mtdram.erase_size=16", "mtd"),
                // KUnit: the framework and some of the kernel's suites, which run as they load.
                Case.of("kunit list_test memcpy_kunit test_hash cmdline_kunit resource_kunit", "",
                        "kunit list-kunit-test hlist memcpy hash cmdline resource")
                        .knownFalseAlarm("the KUnit framework isolated with its suites writes into the suites' modules "
                                + "and its debugfs entries: it should run as the kernel's own, which a case cannot say yet"))
                // The controller and chip drivers of the machine's own devices (virtio-pci and
                // virtio-net, i2c-ocores with at24 and lm75, gpio-sifive, spi-sifive with spidev and
                // spi-nor, rtc-goldfish) join this list as the machine gets those devices.
                .map(driver -> Named.of(String.join("+", driver.modules()), driver));
    }

    @ParameterizedTest
    @MethodSource("drivers")
    void bindsWorksAndUnloadsIsolatedWithoutViolationsAsWithoutIsolation(Case driver) throws Exception {
        assumeTrue(driver.knownIssue() == null, () -> "known false alarm, left open: " + driver.knownIssue());
        GuestKit kit = TestKits.given();
        RunRecording reference = new RunRecording();
        RunResult unprotected = run(kit, driver, null, reference);
        assertEquals(ExitStatus.OK, unprotected.status(),
                () -> "without isolation: " + unprotected + "\n" + String.join("\n", reference.console()));

        RunRecording isolated = new RunRecording();
        RunResult protectedRun = run(kit, driver, Policy.BLOCK, isolated);
        assertTrue(isolated.violations().isEmpty(), () -> "violations (module, kind, function):\n"
                + describe(isolated.violations()) + "\n" + String.join("\n", isolated.console()));
        assertEquals(ExitStatus.OK, protectedRun.status(),
                () -> "isolated: " + protectedRun + "\n" + String.join("\n", isolated.console()));
        assertEquals(outcome(reference), outcome(isolated), "what the exercise saw, isolated and not");
        assertTrue(outcome(isolated).stream().anyMatch(line -> line.startsWith("intree: ")), "the exercise reported");
    }

    private RunResult run(GuestKit kit, Case driver, Policy policy, RunRecording recording) throws Exception {
        List<Path> modules = new ArrayList<>();
        for (String name : driver.modules()) {
            modules.add(kit.modules().module(name).file());
        }
        Path disk = null;
        if (driver.disk()) {
            disk = Files.write(work.resolve("disk.img"), new byte[64 * 1024]);
        }
        RunRequest request = new RunRequest(modules, driver.parameters(), EXERCISE, driver.exercise(), List.of(), 128,
                disk, Duration.ofSeconds(180), policy);
        Path directory = Files.createTempDirectory(work, policy == null ? "reference" : "isolated");
        return new DriverRun(kit, new OwnMachine(), directory, recording).run(request);
    }

    /** The init's steps and the exercise's report: what a user of the driver sees. */
    private static List<String> outcome(RunRecording recording) {
        return recording.console().stream().map(String::strip)
                .filter(line -> line.startsWith("intree: ") || line.startsWith("@chariot ")).toList();
    }

    private static String describe(List<Violation> violations) {
        return violations.stream().map(v -> "  " + v.module() + ", " + v.kind().jsonName() + ", "
                + (v.source() != null ? v.source().function() : "?") + " (" + v.target() + ")")
                .distinct().collect(Collectors.joining("\n"));
    }
}
