package org.chariot.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.chariot.emulator.devices.gpio.GpioInput;
import org.chariot.emulator.guest.GuestKit;
import org.chariot.emulator.guest.Installation;
import org.chariot.emulator.monitor.Policy;
import org.chariot.emulator.run.BootSnapshots;
import org.chariot.emulator.run.GuestMachine;
import org.chariot.emulator.run.OwnMachine;
import org.chariot.emulator.run.QemuMachine;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** Options shared by every command that boots the guest. */
final class GuestOptions {

    /** The machines a run can use. */
    enum MachineKind {
        ours, qemu
    }

    @Option(names = "--machine", defaultValue = "ours", paramLabel = "MACHINE",
            description = "The machine to boot the guest on: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    MachineKind machine;

    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    @Option(names = "--timeout", defaultValue = "120", paramLabel = "SECONDS", converter = Ranges.TimeoutSeconds.class,
            description = "Stop the guest after this many seconds of wall time (default: ${DEFAULT-VALUE}).")
    long timeoutSeconds;

    @Option(names = "--memory", defaultValue = "128", paramLabel = "MIB", converter = Ranges.MemoryMiB.class,
            description = "Guest memory in MiB (default: ${DEFAULT-VALUE}).")
    int memoryMiB;

    @Option(names = "--kernel-arg", paramLabel = "ARG", description = "An extra kernel command-line argument (repeatable).")
    List<String> kernelArguments = new ArrayList<>();

    @Option(names = "--disk", paramLabel = "FILE", converter = Inputs.ExistingFile.class, description = "A host file the guest sees as a virtio disk (/dev/vda).")
    Path disk;

    @Option(names = "--pci-disk", paramLabel = "FILE", converter = Inputs.ExistingFile.class,
            description = "A host file the guest sees as a virtio disk on the PCI bus (the kit's virtio_pci and "
                + "virtio_blk modules drive it).")
    Path pciDisk;

    @Option(names = "--pcap", paramLabel = "FILE", converter = Inputs.OutputFile.class,
            description = "Write every frame of the guest's network link (virtio-net on the PCI bus, whose peer 10.0.2.2 "
                + "answers ARP and ping and echoes UDP) to FILE in pcap format, for tcpdump -r or Wireshark.")
    Path networkCapture;

    @Option(names = "--device", paramLabel = "FILE", converter = Inputs.ExistingFile.class,
            description = "A device described in FILE (compatible, registers, interrupt, DMA, ...; see "
                + "examples/drivers/user-device/README.md) added to the machine for the driver to bind to (repeatable; "
                + "our machine only).")
    List<Path> deviceFiles = new ArrayList<>();

    @Option(names = "--gpio", paramLabel = "LINE=VALUE", converter = Inputs.GpioLine.class,
            description = "Drive GPIO line LINE (0..7) from outside: high, low, or lineN to follow line N's output, as "
                + "a jumper would (repeatable; our machine only). Lines nothing drives read their pull-up.")
    List<GpioInput> gpioInputs = new ArrayList<>();

    @Option(names = "--gdb", paramLabel = "PORT", converter = Ranges.Port.class,
            description = "Serve GDB's remote protocol on 127.0.0.1:PORT (our machine only; 0 picks a free port).")
    Integer gdbPort;

    @Option(names = "--wait-gdb", description = "With --gdb: start the guest frozen until GDB continues it.")
    boolean waitForGdb;

    @Option(names = "--policy", defaultValue = "block", paramLabel = "POLICY", converter = Inputs.PolicyName.class,
            description = "What isolation does with an illegal write: block (drop the store; the driver goes on), "
                + "report (let it land), halt (stop before it lands, for a debugger: --gdb). Default: ${DEFAULT-VALUE}.")
    Policy policy;

    @Option(names = "--no-isolate", description = "Run the drivers without isolation (QEMU always does).")
    boolean noIsolation;

    /** What isolation can check beyond writes and frees. */
    enum Check { reads }

    @Option(names = "--check", paramLabel = "WHAT", split = ",",
            description = "Also check, under isolation: reads (the drivers' reads past the end or before the start of "
                + "their heap objects, and of objects they freed: reported as KASAN does, never stopped). Off by default.")
    List<Check> checks = new ArrayList<>();

    @Option(names = "--no-snapshot", description = "Boot the guest from scratch instead of starting from the saved "
            + "snapshot of the booted guest (kept per kit and machine configuration under the cache).")
    boolean noSnapshot;

    @Option(names = "--json", paramLabel = "FILE", converter = Inputs.OutputFile.class,
            description = "Write the run's event stream (JSON Lines: run, console, module, violation, summary) to FILE as it happens.")
    Path eventFile;

    @Mixin
    ReportOptions reports = new ReportOptions();

    /** Refuses options that cannot go together, before any work: each option alone picocli has checked. */
    void checkCombinations() {
        if (machine == MachineKind.qemu && gdbPort != null) {
            throw new ParameterException(command.commandLine(), "--gdb needs our machine: drop --machine qemu");
        }
        if (machine == MachineKind.qemu && (!deviceFiles.isEmpty() || !gpioInputs.isEmpty())) {
            throw new ParameterException(command.commandLine(), "--device and --gpio need our machine (QEMU has "
                    + "neither described devices nor our I2C, SPI and GPIO controllers): drop --machine qemu");
        }
        if (machine == MachineKind.qemu && noSnapshot) {
            throw new ParameterException(command.commandLine(), "--no-snapshot is for our machine (QEMU always boots): "
                    + "drop --no-snapshot or --machine qemu");
        }
        if (waitForGdb && gdbPort == null) {
            throw new ParameterException(command.commandLine(), "--wait-gdb waits for a GDB client: give --gdb PORT too");
        }
        if (checkReads() && (noIsolation || machine == MachineKind.qemu)) {
            throw new ParameterException(command.commandLine(), "--check reads needs isolation on our machine: drop "
                    + "--no-isolate and --machine qemu");
        }
        if (reports.coverage() && (noIsolation || machine == MachineKind.qemu)) {
            throw new ParameterException(command.commandLine(), "coverage counts the instructions the isolation "
                    + "monitor sees: run the drivers isolated on our machine (drop --no-isolate and --machine qemu)");
        }
    }

    /** The machine to boot on, with a GDB stub if asked for. */
    GuestMachine createMachine(GuestKit kit, Installation installation, Reporter reporter) {
        if (machine == MachineKind.qemu) {
            return new QemuMachine();
        }
        Optional<BootSnapshots> snapshots = noSnapshot ? Optional.empty()
                : Optional.of(new BootSnapshots(kit, installation.cache().resolve("snapshots"), reporter::stage));
        return new OwnMachine(Optional.ofNullable(gdbPort)
                .map(port -> new OwnMachine.Debugging(port, waitForGdb, kit, reporter::stage)), peripherals -> { },
                reports.monitorFetches(), snapshots);
    }

    /** The isolation policy for a run, or null when the run is not isolated (said on {@code reporter}). */
    Policy isolation(Reporter reporter) {
        if (noIsolation) {
            return null;
        }
        if (machine == MachineKind.qemu) {
            reporter.stage("isolation needs our machine: the drivers run on QEMU without it");
            return null;
        }
        return policy;
    }

    /** Whether isolation checks the drivers' reads too ({@code --check reads}). */
    boolean checkReads() {
        return checks.contains(Check.reads);
    }

    Duration timeout() {
        return Duration.ofSeconds(timeoutSeconds);
    }
}
