package org.chariot.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import org.chariot.emulator.machine.Machine;
import org.chariot.emulator.machine.MachineConfig;
import org.chariot.emulator.machine.MachineExit;
import org.chariot.emulator.run.ExitStatus;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code chariot machine}: boot any RISC-V Linux kernel on Chariot's machine, console on stdin/stdout. */
@Command(name = "machine", mixinStandardHelpOptions = true,
        description = {"Boots a RISC-V Linux kernel Image on Chariot's QEMU virt-compatible machine.",
            "The guest console (ttyS0, or hvc0/earlycon=sbi) is this terminal."},
        footer = {"", "Exit status: the guest's power-off code (0 also after a reboot request), "
            + "2 bad input, 4 time limit reached, 6 emulator fault."})
final class MachineCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--kernel", required = true, paramLabel = "IMAGE", converter = Inputs.ExistingFile.class, description = "Kernel Image (arch/riscv/boot/Image).")
    Path kernel;

    @Option(names = "--initrd", paramLabel = "CPIO", converter = Inputs.ExistingFile.class, description = "Initramfs (newc cpio).")
    Path initrd;

    @Option(names = "--append", paramLabel = "CMDLINE", defaultValue = "console=ttyS0 earlycon=sbi panic=-1",
            description = "Kernel command line (default: ${DEFAULT-VALUE}).")
    String bootargs;

    @Option(names = "-m", paramLabel = "MIB", defaultValue = "128", converter = Ranges.MemoryMiB.class, description = "RAM in MiB (default: ${DEFAULT-VALUE}).")
    int memoryMib;

    @Option(names = "--disk", paramLabel = "FILE", converter = Inputs.ExistingFile.class, description = "Host file served as a virtio block device.")
    Path disk;

    @Option(names = "--timeout", paramLabel = "SECONDS", converter = Ranges.TimeoutSeconds.class, description = "Stop the machine after this many seconds.")
    Long timeoutSeconds;

    @Override
    public Integer call() {
        MachineConfig config;
        try {
            config = MachineConfig.builder(kernel).initrd(initrd).bootargs(bootargs).memoryMib(memoryMib).disk(disk)
                    .console(System.in, System.out)
                    .timeLimit(timeoutSeconds == null ? null : Duration.ofSeconds(timeoutSeconds)).build();
        } catch (IllegalArgumentException e) {
            error("chariot machine: " + e.getMessage());
            return ExitStatus.USAGE.code();
        }
        try (Machine machine = Machine.create(config)) {
            return report(machine.run());
        } catch (IOException e) {
            error("chariot machine: " + e.getMessage());
            return ExitStatus.USAGE.code();
        }
    }

    private int report(MachineExit exit) {
        return switch (exit) {
            case MachineExit.PowerOff(int code) -> code;
            case MachineExit.Reboot() -> ExitStatus.OK.code();
            case MachineExit.LimitReached(String limit) -> {
                error("chariot machine: stopped, " + limit + " reached");
                yield ExitStatus.TIMEOUT.code();
            }
            case MachineExit.Stopped() -> ExitStatus.MACHINE_FAILED.code();
            case MachineExit.Fault(String report) -> {
                spec.commandLine().getErr().print("chariot machine: " + report);
                yield ExitStatus.MACHINE_FAILED.code();
            }
        };
    }

    private void error(String message) {
        spec.commandLine().getErr().println(message);
    }
}
