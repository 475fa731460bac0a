package org.chariot.emulator.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.chariot.emulator.devices.gpio.GpioInput;
import org.chariot.emulator.devices.net.Tcpdump;
import org.chariot.emulator.guest.GuestKit;
import org.chariot.emulator.guest.Installation;
import org.chariot.emulator.machine.Peripherals;
import org.chariot.emulator.monitor.Policy;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The machine's devices driven by the kernel's own drivers and the examples' drivers, from user
 * space, by the exercises in examples/exercises and examples/drivers: the RTC's alarm, GPIO edges,
 * the SPI flash through MTD, the I2C sensor through hwmon and the EEPROM through at24, a device
 * that only a file describes, ping and UDP through the kernel's virtio_net on the PCI bus (every
 * frame captured, the capture read back by tcpdump), and DMA round trips between the pci example
 * driver and the example PCI device.
 *
 * <p>The kernel's I2C and SPI controller and chip drivers, and the example's, run isolated under
 * block: a violation would fail the run (its status is then not OK). virtio_net runs without
 * isolation: the monitor reports its writes to the net_device that alloc_etherdev_mqs made for it.
 */
class DeviceExercisesTest {

    private static GuestKit kit;
    private static Path examples;

    @TempDir
    Path work;

    private final ConsoleRecorder recorder = new ConsoleRecorder();

    @BeforeAll
    static void openKit() throws Exception {
        kit = GuestTests.kit();
        examples = Installation.fromEnvironment().examples().getParent();
    }

    static Stream<Named<GuestMachine>> machines() {
        return Stream.of(new OwnMachine(), new QemuMachine()).map(m -> Named.of(m.name(), m));
    }

    private RunResult run(GuestMachine machine, RunRequest request, RunListener... more) {
        RunListener listener = recorder;
        for (RunListener other : more) {
            listener = RunListeners.of(listener, other);
        }
        return new DriverRun(kit, machine, work, listener).run(request);
    }

    private static RunRequest request(List<Path> drivers, Path exercise, Policy isolation) {
        return new RunRequest(drivers, List.of(), exercise, List.of(), List.of(), 128, null, Duration.ofSeconds(120),
                isolation);
    }

    private Path copyOf(Path source) throws IOException {
        return GuestTests.copyOf(source, work);
    }

    private void assertPassed(RunResult result, String exerciseVerdict) {
        assertEquals(ExitStatus.OK, result.status(), () -> result + "\n" + String.join("\n", recorder.console()));
        assertTrue(recorder.printed(exerciseVerdict), exerciseVerdict);
    }

    @ParameterizedTest
    @MethodSource("machines")
    void theRtcReadsTheHostsTimeAndItsAlarmInterruptWakesTheReader(GuestMachine machine) {
        RunResult result = run(machine, request(List.of(), examples.resolve("exercises/rtc.c"), null));
        assertPassed(result, "rtc: all checks passed");
        assertTrue(recorder.printed("rtc: woken by the alarm interrupt"));
        String line = recorder.console().stream().filter(l -> l.startsWith("rtc: time ")).findFirst().orElseThrow();
        Instant guest = LocalDateTime.parse(line.substring("rtc: time ".length(), line.length() - " UTC".length()),
                DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")).toInstant(ZoneOffset.UTC);
        assertTrue(Duration.between(guest, Instant.now()).abs().compareTo(Duration.ofMinutes(2)) < 0,
                "the guest's clock is the host's: " + line);
    }

    @Test
    void gpioEdgesOfAWiredLineReachTheCharacterDeviceAndOutsideLevelsReadBack() {
        RunRequest request = request(List.of(), examples.resolve("exercises/gpio.c"), null)
                .withDevices(List.of(), List.of(GpioInput.parse("1=line0"), GpioInput.parse("2=high")));
        assertPassed(run(new OwnMachine(), request), "gpio: all checks passed");
        assertTrue(recorder.printed("gpio: line 1 saw a rising edge"));
        assertTrue(recorder.printed("gpio: line 1 saw a falling edge"));
    }

    @Test
    void aTestDrivesAGpioInputWhileTheGuestWaitsForIt() {
        List<Peripherals> machine = new ArrayList<>();
        RunListener driveWhenAsked = new RunListener() {
            @Override
            public void stage(String message) {
            }

            @Override
            public void console(String line) {
                if (line.equals("gpio-wait: waiting for line 4")) {
                    machine.getFirst().gpio().drive(4, true);
                }
            }
        };
        Consumer<Peripherals> keep = machine::add;
        RunResult result = run(new OwnMachine(Optional.empty(), keep, UnaryOperator.identity()),
                request(List.of(), Path.of("src/test/resources/exercises/gpio-wait.c"), null), driveWhenAsked);
        assertPassed(result, "gpio-wait: line 4 rose");
    }

    @Test
    void theSpiFlashIsErasedProgrammedAndReadThroughMtd() throws Exception {
        RunRequest request = request(List.of(kit.modules().module("spi-sifive").file(),
                kit.modules().module("spi-nor").file()), examples.resolve("exercises/spi-flash.c"), Policy.BLOCK);
        assertPassed(run(new OwnMachine(), request), "spi-flash: all checks passed");
        assertTrue(recorder.printed("spi-nor spi0.0: w25q32 (4096 Kbytes)"), "spi-nor identified the flash");
    }

    @Test
    void theI2cClientExampleReadsTheSensorTheHostSetAndTheEepromKeepsWhatWasWritten() throws Exception {
        Path driver = copyOf(examples.resolve("drivers/i2c-client"));
        RunRequest request = request(List.of(kit.modules().module("i2c-ocores").file(),
                kit.modules().module("at24").file(), driver), driver.resolve("exercise.c"), Policy.BLOCK);
        Consumer<Peripherals> coldRoom = peripherals -> peripherals.temperatureSensor().setTemperature(-12_500);
        assertPassed(run(new OwnMachine(Optional.empty(), coldRoom, UnaryOperator.identity()), request), "i2c: all checks passed");
        assertTrue(recorder.printed("temp1_input reads -12500 millidegrees Celsius"), "the temperature the host set");
        assertTrue(recorder.printed("holds \"written across an EEPROM page\""));
        assertTrue(recorder.printed("@chariot unload chariot_lm75 ok"));
    }

    @Test
    void aDescribedDmaEngineServesItsDriverIsolatedWithoutAViolation() throws Exception {
        Path driver = copyOf(examples.resolve("drivers/user-device"));
        RunRequest request = request(List.of(driver), driver.resolve("exercise.c"), Policy.BLOCK)
                .withDevices(List.of(driver.resolve("dma-copy.device")), List.of());
        assertPassed(run(new OwnMachine(), request), "dma: all checks passed");
        assertTrue(recorder.printed("chariot_dma 10030000.dma-copy: DMA engine id 0x444d4131"),
                "the driver bound to the described device at its place");
        assertTrue(recorder.printed("chariot_dma 10030000.dma-copy: 2 transfers"), "both transfers counted by the device");
    }

    @Test
    void aFaultyDeviceFileStopsTheRunBeforeAnythingIsBuiltOrBooted() throws Exception {
        Path driver = copyOf(examples.resolve("drivers/user-device"));
        Path broken = Files.writeString(work.resolve("broken.device"),
                Files.readString(driver.resolve("dma-copy.device")).replace("register GO        at 0x1c wo",
                        "register GO        at 0x1c wx"));
        RunRequest request = request(List.of(driver), null, null).withDevices(List.of(broken), List.of());
        RunResult result = run(new OwnMachine(), request);
        assertEquals(ExitStatus.USAGE, result.status());
        assertTrue(result.message().matches(".*broken\\.device:14: 'wx' is not an access: use ro, rw, wo, w1c, w1s, rc"),
                result.message());
        assertTrue(recorder.stages().stream().noneMatch(s -> s.startsWith("building") || s.startsWith("booting")),
                () -> "nothing built or booted: " + recorder.stages());
    }

    @ParameterizedTest
    @MethodSource("machines")
    void virtioNetPingsAndEchoesUdpAndTheCaptureHoldsEveryFrame(GuestMachine machine) throws Exception {
        Path capture = work.resolve("link.pcap");
        RunRequest request = request(List.of(kit.modules().module("virtio_pci").file(),
                kit.modules().module("virtio_net").file()), examples.resolve("exercises/net.c"), null)
                .withNetworkCapture(capture);
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
        Path driver = copyOf(examples.resolve("drivers/pci"));
        assertPassed(run(new OwnMachine(), request(List.of(driver), driver.resolve("exercise.c"), Policy.BLOCK)),
                "pci: all checks passed");
        assertTrue(recorder.printed("pci: 4096 bytes at 0: device crc32"));
        assertTrue(recorder.printed("chariot_pci 0000:00:02.0: 6 transfers"), "three round trips, two transfers each");
        assertTrue(recorder.printed("@chariot unload chariot_pci ok"));
    }
}
