package org.chariot.emulator.machine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
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
    static void makeInitramfs() throws IOException, InterruptedException {
        String property = System.getProperty("chariot.kit", "");
        assumeTrue(!property.isBlank() && Files.isRegularFile(Path.of(property, "Image")),
                "no guest kit: run with -Dchariot.kit=<kit dir> (emulator/guest/build-kit.sh prints it)");
        kit = Path.of(property);
        initramfs = dir.resolve("initramfs.cpio");
        Process cpio = new ProcessBuilder(kit.resolve("bin/gen_init_cpio").toString(), kit.resolve("initramfs.list").toString())
                .redirectOutput(initramfs.toFile()).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        assertTrue(cpio.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, cpio.exitValue());
    }

    private static MachineConfig.Builder guest(String bootargs, ByteArrayOutputStream console) {
        return MachineConfig.builder(kit.resolve("Image")).initrd(initramfs).bootargs(bootargs).console(null, console);
    }

    @Test
    void kernelBootsToInitWhichPowersOff() throws IOException {
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        MachineConfig config = guest("console=ttyS0 earlycon=uart8250,mmio,0x10000000 panic=-1", console)
                .timeLimit(Duration.ofMinutes(2)).build();
        MachineExit exit;
        try (Machine machine = Machine.create(config)) {
            exit = machine.run();
        }
        String output = console.toString(StandardCharsets.UTF_8);
        assertEquals(new MachineExit.PowerOff(0), exit, output);
        for (String expected : List.of("earlycon: uart8250 at MMIO 0x0000000010000000",
                "SBI implementation ID=0x43484152", "riscv-timer: Timer interrupt in S-mode is available via sstc extension",
                "10000000.serial: ttyS0 at MMIO 0x10000000", "@chariot boot", "@chariot done 0")) {
            assertTrue(output.contains(expected), () -> "missing " + expected + " in\n" + output);
        }
    }

    @Test
    void timeLimitStopsTheGuest() throws IOException {
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        MachineConfig config = guest("console=ttyS0", console).timeLimit(Duration.ofMillis(300)).build();
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
