package org.chariot.emulator.run;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.chariot.emulator.machine.Board;

/** QEMU's {@code virt} machine with OpenSBI: the reference the project's own machine is compared with. */
public final class QemuMachine implements GuestMachine {

    public static final String QEMU = "qemu-system-riscv64";
    static final Path FIRMWARE = Path.of("/usr/lib/riscv64-linux-gnu/opensbi/generic/fw_jump.bin");

    @Override
    public String name() {
        return "qemu";
    }

    /**
     * Like our machine: a virtio entropy source and a network card on the PCI bus always (its link
     * to {@code network}), virtio disks when the run has them.
     */
    List<String> commandLine(BootSpec spec, QemuNetworkBridge network) {
        List<String> command = new ArrayList<>(List.of(QEMU, "-M", "virt", "-m", spec.memoryMiB() + "M", "-smp", "1",
                "-bios", FIRMWARE.toString(), "-kernel", spec.kernel().toString(),
                "-initrd", spec.initrd().toString(), "-append", spec.commandLine(),
                "-display", "none", "-serial", "stdio", "-monitor", "none", "-no-reboot",
                "-device", "virtio-rng-device"));
        if (spec.disk() != null) {
            command.addAll(List.of("-drive", "file=" + spec.disk() + ",format=raw,if=none,id=disk0",
                    "-device", "virtio-blk-device,drive=disk0"));
        }
        command.addAll(network.qemuArguments());
        if (spec.pciDisk() != null) {
            command.addAll(List.of("-drive", "file=" + spec.pciDisk() + ",format=raw,if=none,id=disk1",
                    "-device", "virtio-blk-pci-non-transitional,drive=disk1,romfile="));
        }
        return command;
    }

    @Override
    public GuestExit boot(BootSpec spec, GuestOutput console) {
        if (spec.isolation() != null) {
            return GuestExit.failed("QEMU cannot isolate drivers: isolation needs our machine (--machine ours), "
                    + "or run without it (--no-isolate)");
        }
        if (!spec.board().equals(Board.PLAIN)) {
            return GuestExit.failed("QEMU has neither described devices nor our I2C, SPI and GPIO controllers: "
                    + "run with --machine ours, or without --device and --gpio");
        }
        if (!Files.isRegularFile(FIRMWARE)) {
            return GuestExit.failed("QEMU's firmware " + FIRMWARE + " is missing: run ./chariot setup (Debian package opensbi).");
        }
        try (QemuNetworkBridge network = QemuNetworkBridge.open(spec.networkCapture())) {
            return run(commandLine(spec, network), spec, console);
        } catch (IOException e) {
            return GuestExit.failed("cannot set up QEMU's network link on the loopback interface: " + e.getMessage());
        }
    }

    private static GuestExit run(List<String> command, BootSpec spec, GuestOutput console) {
        Process process;
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
        } catch (IOException e) {
            return GuestExit.failed("cannot start " + QEMU + " (" + e.getMessage()
                    + "): run ./chariot setup (Debian package qemu-system-misc).");
        }
        AtomicBoolean timedOut = new AtomicBoolean();
        ScheduledExecutorService watchdog = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "qemu-watchdog");
            t.setDaemon(true);
            return t;
        });
        watchdog.schedule(() -> {
            timedOut.set(true);
            process.destroyForcibly();
        }, spec.timeout().toMillis(), TimeUnit.MILLISECONDS);
        try (BufferedReader reader = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                console.console(line.replace("\r", ""));
            }
            int code = process.waitFor();
            if (timedOut.get()) {
                return GuestExit.timedOut("QEMU was stopped after " + spec.timeout().toSeconds() + " s");
            }
            return code == 0 ? GuestExit.stopped("QEMU exited") : GuestExit.failed("QEMU exited with status " + code);
        } catch (IOException e) {
            process.destroyForcibly();
            return GuestExit.failed("lost QEMU's console: " + e.getMessage());
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            return GuestExit.failed("interrupted while QEMU ran");
        } finally {
            watchdog.shutdownNow();
        }
    }
}
