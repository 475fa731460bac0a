package org.chariot.emulator.machine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Boots the real guest kit (system property {@code chariot.kit}) to its init and power-off. */
class LinuxBootTest {

    @TempDir
    static Path dir;
    private static Path kit;
    private static Path initramfs;

    @BeforeAll
    static void findKitAndMakeInitramfs() throws IOException, InterruptedException {
        String property = System.getProperty("chariot.kit", "");
        assumeTrue(!property.isBlank() && Files.isRegularFile(Path.of(property, "Image")),
                "no guest kit: run with -Dchariot.kit=<kit dir> (emulator/guest/build-kit.sh prints it)");
        kit = Path.of(property);
        initramfs = initramfs("base", List.of());
    }

    /** The kit's base initramfs plus {@code extraLines} of gen_init_cpio's list format. */
    private static Path initramfs(String name, List<String> extraLines) throws IOException, InterruptedException {
        Path list = dir.resolve(name + ".list");
        Files.writeString(list, Files.readString(kit.resolve("initramfs.list")) + String.join("\n", extraLines) + "\n");
        Path cpio = dir.resolve(name + ".cpio");
        run(new ProcessBuilder(kit.resolve("bin/gen_init_cpio").toString(), list.toString()).redirectOutput(cpio.toFile()));
        return cpio;
    }

    private static void run(ProcessBuilder command) throws IOException, InterruptedException {
        Process process = command.redirectError(ProcessBuilder.Redirect.INHERIT).start();
        assertTrue(process.waitFor(5, TimeUnit.MINUTES), () -> command.command() + " did not finish");
        assertEquals(0, process.exitValue(), () -> command.command() + " failed");
    }

    private static String boot(Path cpio, String bootargs) throws IOException {
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        MachineConfig config = MachineConfig.builder(kit.resolve("Image")).initrd(cpio).bootargs(bootargs)
                .console(null, console).timeLimit(Duration.ofMinutes(2)).build();
        MachineExit exit;
        try (Machine machine = Machine.create(config)) {
            exit = machine.run();
        }
        String output = console.toString(StandardCharsets.UTF_8);
        assertEquals(new MachineExit.PowerOff(0), exit, output);
        return output;
    }

    private static void assertContainsAll(String output, List<String> expected) {
        for (String line : expected) {
            assertTrue(output.contains(line), () -> "missing " + line + " in\n" + output);
        }
    }

    @Test
    void kernelBootsToInitWhichPowersOff() throws IOException {
        String output = boot(initramfs, "console=ttyS0 earlycon=uart8250,mmio,0x10000000 panic=-1");
        assertContainsAll(output, List.of("earlycon: uart8250 at MMIO 0x0000000010000000",
                "SBI implementation ID=0x43484152", "riscv-timer: Timer interrupt in S-mode is available via sstc extension",
                "10000000.serial: ttyS0 at MMIO 0x10000000", "@chariot boot", "@chariot done 0"));
    }

    @Test
    void examplePlatformDriverFindsTheExampleDeviceAndItsInterrupt() throws IOException, InterruptedException {
        Path driver = dir.resolve("platform");
        Path sources = Path.of(System.getProperty("chariot.root", "."), "examples/drivers/platform");
        Files.createDirectories(driver);
        for (String file : List.of("Makefile", "chariot_example.c")) {
            Files.copy(sources.resolve(file), driver.resolve(file));
        }
        run(new ProcessBuilder("make", "-C", kit.toString(), "M=" + driver, "modules"));
        Path cpio = initramfs("platform", List.of("file /lib/modules/chariot_example.ko " + driver.resolve("chariot_example.ko") + " 0644 0 0"));
        String output = boot(cpio, "console=ttyS0 panic=-1 chariot.modules=chariot_example");
        assertContainsAll(output, List.of("10010000.example: id 0x43484152", "countdown of 10000 ticks: interrupt received",
                "@chariot load chariot_example ok", "@chariot unload chariot_example ok", "@chariot done 0"));
    }

    @Test
    void hostInputReachesAGuestProgramThroughTheUartReceiveInterrupt() throws IOException, InterruptedException {
        Path source = Files.writeString(dir.resolve("echo.c"), """
                #include <nolibc.h>
                int main(void)
                {
                    char line[64];
                    ssize_t n = read(0, line, sizeof(line));
                    write(1, "got: ", 5);
                    write(1, line, n > 0 ? n : 0);
                    return n > 0 ? 0 : 1;
                }
                """);
        Path program = dir.resolve("echo");
        run(new ProcessBuilder(kit.resolve("guest-cc").toString(), "-o", program.toString(), source.toString()));
        Path cpio = initramfs("echo", List.of("file /chariot/exercise " + program + " 0755 0 0"));
        PipedOutputStream keyboard = new PipedOutputStream();
        PipedInputStream input = new PipedInputStream(keyboard);
        // Type only once the program runs: the 8250 driver drops what arrives before the port opens.
        TypeAfter console = new TypeAfter("@chariot exercise start", keyboard, "hello guest\n");
        MachineConfig config = MachineConfig.builder(kit.resolve("Image")).initrd(cpio)
                .bootargs("console=ttyS0 panic=-1 chariot.exercise=/chariot/exercise")
                .console(input, console).timeLimit(Duration.ofMinutes(2)).build();
        try (Machine machine = Machine.create(config)) {
            assertEquals(new MachineExit.PowerOff(0), machine.run(), console.toString());
        }
        assertContainsAll(console.toString(), List.of("got: hello guest", "@chariot exercise exit 0"));
    }

    /** Console output that types a line on the keyboard once a marker has appeared. */
    private static final class TypeAfter extends ByteArrayOutputStream {
        private final String marker;
        private final PipedOutputStream keyboard;
        private final String line;
        private boolean typed;

        TypeAfter(String marker, PipedOutputStream keyboard, String line) {
            this.marker = marker;
            this.keyboard = keyboard;
            this.line = line;
        }

        @Override
        public synchronized void write(int b) {
            super.write(b);
            if (b == '\n' && !typed && toString(StandardCharsets.UTF_8).contains(marker)) {
                typed = true;
                try {
                    keyboard.write(line.getBytes(StandardCharsets.UTF_8));
                    keyboard.flush();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
    }

    @Test
    void panicWithPanicMinusOneRebootsThroughTheSbiAndTheMachineStops() throws IOException {
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        MachineConfig config = MachineConfig.builder(kit.resolve("Image")).bootargs("console=ttyS0 panic=-1")
                .console(null, console).timeLimit(Duration.ofMinutes(2)).build();
        try (Machine machine = Machine.create(config)) {
            assertEquals(new MachineExit.Reboot(), machine.run(), console.toString());
        }
        assertTrue(console.toString().contains("Kernel panic - not syncing"), console.toString());
    }

    @Test
    void timeLimitStopsTheGuest() throws IOException {
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        MachineConfig config = MachineConfig.builder(kit.resolve("Image")).initrd(initramfs).bootargs("console=ttyS0")
                .console(null, console).timeLimit(Duration.ofMillis(300)).build();
        try (Machine machine = Machine.create(config)) {
            assertInstanceOf(MachineExit.LimitReached.class, machine.run());
        }
    }

    @Test
    void vmlinuxInsteadOfImageIsRejectedWithAHint() {
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        MachineConfig config = MachineConfig.builder(kit.resolve("vmlinux")).console(null, console).build();
        IOException e = assertThrows(IOException.class, () -> Machine.create(config));
        assertTrue(e.getMessage().contains("not a RISC-V Linux Image"), e.getMessage());
    }
}
