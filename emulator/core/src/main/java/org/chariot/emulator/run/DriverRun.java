package org.chariot.emulator.run;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.chariot.emulator.guest.BuildFailedException;
import org.chariot.emulator.guest.DriverBuild;
import org.chariot.emulator.guest.GuestKit;
import org.chariot.emulator.guest.GuestFile;
import org.chariot.emulator.guest.GuestProgram;
import org.chariot.emulator.guest.GuestToolException;
import org.chariot.emulator.guest.Initramfs;
import org.chariot.emulator.guest.KernelModule;

/**
 * One run of drivers in the guest, from sources to verdict: build the drivers and the exercise
 * with the kit, pack them into an initramfs, boot the guest, and read what its init reports.
 */
public final class DriverRun {

    private final GuestKit kit;
    private final GuestMachine machine;
    private final Path workDirectory;
    private final RunListener listener;

    public DriverRun(GuestKit kit, GuestMachine machine, Path workDirectory, RunListener listener) {
        this.kit = kit;
        this.machine = machine;
        this.workDirectory = workDirectory;
        this.listener = listener;
    }

    public RunResult run(RunRequest request) {
        BootSpec boot;
        try {
            boot = prepare(request);
        } catch (BuildFailedException e) {
            return finish(new RunResult(ExitStatus.BUILD_FAILED, e.getMessage(), e.details()));
        } catch (GuestToolException e) {
            return finish(new RunResult(ExitStatus.USAGE, e.getMessage(), e.details()));
        }
        listener.stage("booting the guest on " + machine.name() + " (time limit " + request.timeout().toSeconds() + " s)");
        listener.booting(machine.name(), boot);
        ConsoleTranscript transcript = new ConsoleTranscript();
        GuestExit exit = machine.boot(boot, RunListener.both(transcript, listener));
        return finish(transcript.verdict(exit));
    }

    private RunResult finish(RunResult result) {
        listener.finished(result);
        return result;
    }

    /** Builds what the guest needs; returns how to boot it. */
    BootSpec prepare(RunRequest request) throws GuestToolException {
        List<KernelModule> modules = new ArrayList<>();
        for (Path driver : request.drivers()) {
            modules.addAll(modulesOf(driver));
        }
        Path exercise = null;
        if (request.exercise() != null) {
            listener.stage("preparing the exercise program " + request.exercise());
            exercise = GuestProgram.prepare(kit, request.exercise());
        }
        String commandLine = KernelCommandLine.of(modules, request.parameters(), exercise != null,
                request.exerciseArguments(), request.kernelArguments());
        List<GuestFile> files = Initramfs.runFiles(modules, exercise);
        Path initramfs = Initramfs.write(kit, files, workDirectory);
        if (request.disk() != null && !Files.isRegularFile(request.disk())) {
            throw new GuestToolException("no disk image at " + request.disk() + ": give an existing file, e.g. made "
                    + "with truncate -s 1M disk.img");
        }
        BootSpec.Isolation isolation = request.isolation() == null ? null
                : new BootSpec.Isolation(kit, modules, request.isolation());
        GuestPayload payload = request.kernelArguments().isEmpty() && request.disk() == null
                ? new GuestPayload(files, commandLine) : null;
        return new BootSpec(kit.image(), initramfs, commandLine, modules, request.memoryMiB(), request.disk(),
                request.timeout(), isolation, payload);
    }

    private List<KernelModule> modulesOf(Path driver) throws GuestToolException {
        if (Files.isDirectory(driver)) {
            listener.stage("building the driver in " + driver + " with the guest kit");
            List<KernelModule> modules = new ArrayList<>();
            for (Path ko : new DriverBuild(kit).build(driver)) {
                modules.add(KernelModule.of(ko));
            }
            return modules;
        }
        if (!Files.exists(driver)) {
            throw new GuestToolException("no driver at " + driver + ": give a driver directory (with a Kbuild Makefile) or a .ko file");
        }
        return List.of(KernelModule.of(driver));
    }
}
