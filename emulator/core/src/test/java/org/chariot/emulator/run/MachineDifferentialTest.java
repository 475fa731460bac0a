package org.chariot.emulator.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.chariot.emulator.guest.GuestKit;
import org.chariot.emulator.guest.Installation;
import org.chariot.emulator.cpu.TranslationModes;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same guest, driver and exercise on our machine and on QEMU print the same console, timestamps
 * aside. Lines that name the machine itself differ by design and are left out: the model name, the
 * SBI implementation (ours is in Java, QEMU's is OpenSBI), the ISA (QEMU also has F, D and H), the
 * memory the firmware reserves, and the ASID width. The RTC's time is the wall clock's at each boot.
 * Linux numbers interrupts in the order drivers map them, and our machine has a GPIO controller
 * (eight interrupts, mapped early) that QEMU's virt has not, so interrupt numbers are left out too.
 * The PCI functions and where their BARs go differ: our bus has the example PCI device and its own
 * host bridge id, QEMU's virtio-net has MSI-X (a BAR more) and a 64-bit window above 4 GiB for its
 * prefetchable BAR; the host bridge's ECAM, windows and bus scan are compared.
 */
class MachineDifferentialTest {

    private static final List<String> MACHINE_IDENTITY = List.of("Machine model:", "SBI implementation ID",
            "riscv: base ISA extensions", "riscv: ELF capabilities", "Memory:", "ASID allocator",
            "goldfish_rtc 101000.rtc: setting system clock to", "pci 0000:00:",
            "pci-host-generic 30000000.pci:      MEM 0x0400000000", "pci-host-generic 30000000.pci: Memory resource size",
            "pci_bus 0000:00: root bus resource [mem 0x400000000");

    @TempDir
    Path work;

    private List<String> consoleOf(GuestMachine machine, GuestKit kit, Path driver) throws Exception {
        ConsoleRecorder recorder = new ConsoleRecorder();
        Path runDirectory = Files.createDirectories(work.resolve(machine.name()));
        RunRequest request = new RunRequest(List.of(driver), List.of(), driver.resolve("exercise.c"), List.of(),
                List.of(), 128, Duration.ofSeconds(120));
        RunResult result = new DriverRun(kit, machine, runDirectory, recorder).run(request);
        assertEquals(ExitStatus.OK, result.status(), machine.name() + ": " + result);
        return normalised(recorder.console());
    }

    /** From the kernel's banner on, without timestamps and machine-identity lines, in printed order. */
    private static List<String> normalised(List<String> console) {
        int banner = 0;
        while (banner < console.size() && !console.get(banner).contains("Linux version")) {
            banner++;
        }
        return console.subList(banner, console.size()).stream()
                .map(line -> line.replaceFirst("^\\[\\s*\\d+\\.\\d+\\] ", ""))
                .map(line -> line.replaceFirst("\\(irq = \\d+,", "(irq = N,"))
                .filter(line -> MACHINE_IDENTITY.stream().noneMatch(line::startsWith))
                .toList();
    }

    @ParameterizedTest
    @EnumSource(TranslationModes.class)
    void theCharacterDeviceRunPrintsTheSameConsoleOnBothMachines(TranslationModes mode) throws Exception {
        String kitDirectory = System.getProperty("chariot.kit", "");
        assumeTrue(!kitDirectory.isBlank(), "no guest kit given: ./chariot test builds it and passes -Dchariot.kit");
        GuestKit kit = GuestKit.open(Path.of(kitDirectory));
        Path driver = Files.createDirectories(work.resolve("chardev"));
        try (Stream<Path> files = Files.list(Installation.fromEnvironment().examples().resolve("chardev"))) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Files.copy(file, driver.resolve(file.getFileName()));
            }
        }
        List<String> qemu = consoleOf(new QemuMachine(), kit, driver);
        List<String> ours = mode.with(() -> consoleOf(new OwnMachine(), kit, driver));
        assertEquals(sorted(qemu), sorted(ours), "the same lines");
        assertEquals(fromInit(qemu), fromInit(ours), "the same order once init runs");
    }

    private static List<String> sorted(List<String> lines) {
        return lines.stream().sorted().toList();
    }

    private static List<String> fromInit(List<String> lines) {
        int init = lines.indexOf("Run /init as init process");
        return lines.subList(Math.max(init, 0), lines.size());
    }
}
