package org.chariot.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.chariot.emulator.guest.GuestKit;
import org.chariot.emulator.guest.GuestToolException;
import org.chariot.emulator.guest.Installation;
import org.chariot.emulator.monitor.Policy;
import org.chariot.emulator.run.BootSnapshots;
import org.chariot.emulator.run.GuestMachine;
import org.chariot.emulator.run.OwnMachine;
import org.chariot.emulator.run.QemuMachine;
import picocli.CommandLine.Option;

/** Options shared by every command that boots the guest. */
final class GuestOptions {

    /** The machines a run can use. */
    enum MachineKind {
        ours, qemu
    }

    @Option(names = "--machine", defaultValue = "ours", paramLabel = "MACHINE",
            description = "The machine to boot the guest on: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    MachineKind machine;

    @Option(names = "--timeout", defaultValue = "120", paramLabel = "SECONDS",
            description = "Stop the guest after this many seconds of wall time (default: ${DEFAULT-VALUE}).")
    long timeoutSeconds;

    @Option(names = "--memory", defaultValue = "128", paramLabel = "MIB",
            description = "Guest memory in MiB (default: ${DEFAULT-VALUE}).")
    int memoryMiB;

    @Option(names = "--kernel-arg", paramLabel = "ARG", description = "An extra kernel command-line argument (repeatable).")
    List<String> kernelArguments = new ArrayList<>();

    @Option(names = "--disk", paramLabel = "FILE", description = "A host file the guest sees as a virtio disk (/dev/vda).")
    Path disk;

    @Option(names = "--gdb", paramLabel = "PORT",
            description = "Serve GDB's remote protocol on 127.0.0.1:PORT (our machine only; 0 picks a free port).")
    Integer gdbPort;

    @Option(names = "--wait-gdb", description = "With --gdb: start the guest frozen until GDB continues it.")
    boolean waitForGdb;

    @Option(names = "--policy", defaultValue = "block", paramLabel = "POLICY",
            description = "What isolation does with an illegal write: block (drop the store; the driver goes on), "
                + "report (let it land), halt (stop before it lands, for a debugger: --gdb). Default: ${DEFAULT-VALUE}.")
    String policy;

    @Option(names = "--no-isolate", description = "Run the drivers without isolation (QEMU always does).")
    boolean noIsolation;

    @Option(names = "--no-snapshot", description = "Boot the guest from scratch instead of starting from the saved "
            + "snapshot of the booted guest (kept per kit and machine configuration under the cache).")
    boolean noSnapshot;

    @Option(names = "--json", paramLabel = "FILE",
            description = "Write the run's event stream (JSON Lines: run, console, module, violation, summary) to FILE as it happens.")
    Path eventFile;

    /** The machine to boot on, with a GDB stub if asked for. */
    GuestMachine createMachine(GuestKit kit, Installation installation, Reporter reporter) throws GuestToolException {
        if (machine == MachineKind.qemu) {
            if (gdbPort != null) {
                throw new GuestToolException("--gdb needs our machine: drop --machine qemu");
            }
            return new QemuMachine();
        }
        Optional<BootSnapshots> snapshots = noSnapshot ? Optional.empty()
                : Optional.of(new BootSnapshots(kit, installation.cache().resolve("snapshots"), reporter::stage));
        return new OwnMachine(Optional.ofNullable(gdbPort)
                .map(port -> new OwnMachine.Debugging(port, waitForGdb, kit, reporter::stage)), snapshots);
    }

    /** The isolation policy for a run, or null when the run is not isolated (said on {@code reporter}). */
    Policy isolation(Reporter reporter) throws GuestToolException {
        Policy chosen;
        try {
            chosen = Policy.named(policy);
        } catch (IllegalArgumentException e) {
            throw new GuestToolException(e.getMessage());
        }
        if (noIsolation) {
            return null;
        }
        if (machine == MachineKind.qemu) {
            reporter.stage("isolation needs our machine: the drivers run on QEMU without it");
            return null;
        }
        return chosen;
    }

    Duration timeout() {
        return Duration.ofSeconds(timeoutSeconds);
    }
}
