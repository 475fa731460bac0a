package org.chariot.emulator.run;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.chariot.emulator.devices.described.DeviceDescription;
import org.chariot.emulator.devices.described.DeviceFile;
import org.chariot.emulator.devices.described.DeviceFileException;
import org.chariot.emulator.guest.BuildFailedException;
import org.chariot.emulator.guest.DriverBuild;
import org.chariot.emulator.guest.GuestKit;
import org.chariot.emulator.guest.GuestFile;
import org.chariot.emulator.guest.GuestProgram;
import org.chariot.emulator.guest.GuestToolException;
import org.chariot.emulator.guest.Initramfs;
import org.chariot.emulator.guest.KernelModule;
import org.chariot.emulator.kunit.KunitModules;
import org.chariot.emulator.machine.Board;

/**
 * One run of drivers in the guest, from sources to verdict: build the drivers and the exercise
 * with the kit, pack them into an initramfs, boot the guest, and read what its init reports.
 */
public final class DriverRun {

    /** slub_debug's redzones around every slab object, set from the command line: the guest stays as built. */
    static final String REDZONES = "slub_debug=Z";


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
        GuestExit exit = machine.boot(boot, RunListeners.of(transcript, listener));
        return finish(transcript.verdict(exit));
    }

    private RunResult finish(RunResult result) {
        listener.finished(result);
        return result;
    }

    /** Builds what the guest needs; returns how to boot it. */
    BootSpec prepare(RunRequest request) throws GuestToolException {
        Board board = board(request);
        checkHostFiles(request);
        List<KernelModule> drivers = new ArrayList<>();
        List<KernelModule> suites = new ArrayList<>();
        for (Path driver : request.drivers()) {
            drivers.addAll(modulesOf(driver, request.kunit() != null ? suites : null));
        }
        drivers.addAll(suites);
        if (request.kunit() != null && suites.isEmpty() && !anyDeclaresSuites(drivers)) {
            throw new GuestToolException("--kunit: no module of the run declares a KUnit suite; add one to the "
                    + "driver's Kbuild Makefile (a module whose C has kunit_test_suite(...)), or drop --kunit");
        }
        // The kit modules the drivers need load first and are not isolated: like the kernel, they
        // are the drivers' environment, not the code under test.
        List<KernelModule> dependencies = new ArrayList<>(kit.modules().dependenciesOf(drivers));
        if (!dependencies.isEmpty()) {
            listener.stage("loading first what the drivers need from the kit: "
                    + String.join(", ", dependencies.stream().map(KernelModule::name).toList()));
        }
        List<String> parameters = new ArrayList<>(request.parameters());
        if (request.kunit() != null && request.kunit().filter() != null) {
            listener.stage("building Chariot's KUnit filter: only " + request.kunit().filter() + " runs");
            dependencies.add(KunitModules.filter(kit, workDirectory));
            parameters.add(KunitModules.filterParameter(request.kunit().filter()));
        }
        List<KernelModule> modules = new ArrayList<>(dependencies);
        modules.addAll(drivers);
        Path exercise = null;
        if (request.exercise() != null) {
            listener.stage("preparing the exercise program " + request.exercise());
            exercise = GuestProgram.prepare(kit, request.exercise());
        }
        List<String> kernelArguments = kernelArguments(request);
        String commandLine = KernelCommandLine.of(dependencies, drivers, parameters, exercise != null,
                request.exerciseArguments(), kernelArguments);
        List<GuestFile> files = Initramfs.runFiles(modules, exercise);
        Path initramfs = Initramfs.write(kit, files, workDirectory);
        BootSpec.Isolation isolation = request.isolation() == null ? null
                : new BootSpec.Isolation(kit, drivers, request.isolation(), request.checkReads());
        return new BootSpec(kit.image(), initramfs, commandLine, modules, request.memoryMiB(), request.disk(),
                request.timeout(), isolation, board, request.pciDisk(), request.networkCapture(),
                payload(request, files, commandLine, kernelArguments));
    }

    /**
     * What a guest restored from the snapshot of the booted kit gets instead of booting, or null if
     * the run must boot: the user's kernel arguments act only at boot, and a disk, a packet capture,
     * described devices and GPIO inputs change the machine, which the snapshot is not of. The
     * redzones an isolated run adds are a boot argument of its snapshot (a second one, keyed apart).
     */
    private static GuestPayload payload(RunRequest request, List<GuestFile> files, String commandLine,
            List<String> kernelArguments) {
        boolean defaultMachine = request.disk() == null && request.pciDisk() == null && request.networkCapture() == null
                && request.deviceFiles().isEmpty() && request.gpioInputs().isEmpty();
        return request.kernelArguments().isEmpty() && defaultMachine
                ? new GuestPayload(files, commandLine, kernelArguments) : null;
    }

    /** The host files the machine will use, checked before anything is built so a mistake costs nothing. */
    private static void checkHostFiles(RunRequest request) throws GuestToolException {
        requireDiskImage(request.disk());
        requireDiskImage(request.pciDisk());
        Path capture = request.networkCapture();
        if (capture != null && !Files.isDirectory(capture.toAbsolutePath().getParent())) {
            throw new GuestToolException("cannot write the packet capture " + capture + ": the directory "
                    + capture.toAbsolutePath().getParent() + " does not exist; give a file in an existing directory");
        }
    }

    private static void requireDiskImage(Path disk) throws GuestToolException {
        if (disk != null && !Files.isRegularFile(disk)) {
            throw new GuestToolException("no disk image at " + disk + ": give an existing file, e.g. made "
                    + "with truncate -s 1M disk.img");
        }
    }

    /** Reads the device files first, so that a mistake in one is told before anything is built or booted. */
    private Board board(RunRequest request) throws GuestToolException {
        List<DeviceDescription> described = new ArrayList<>();
        try {
            for (Path file : request.deviceFiles()) {
                DeviceDescription device = DeviceFile.read(file);
                listener.stage("adding the device described in " + file + " (" + String.join(" ", device.compatible())
                        + ")");
                described.add(device);
            }
            Board board = new Board(described, request.gpioInputs());
            board.check();
            return board;
        } catch (DeviceFileException e) {
            throw new GuestToolException(e.getMessage());
        }
    }

    /**
     * The user's kernel arguments; an isolated run adds slub_debug's redzones (unless the user chose
     * slub_debug), so that two slab objects never touch and an overflow into the next one is caught.
     */
    private static List<String> kernelArguments(RunRequest request) {
        if (request.isolation() == null || request.kernelArguments().stream().anyMatch(a -> a.startsWith("slub_debug"))) {
            return request.kernelArguments();
        }
        List<String> arguments = new ArrayList<>(request.kernelArguments());
        arguments.add(REDZONES);
        return arguments;
    }

    private static boolean anyDeclaresSuites(List<KernelModule> modules) throws GuestToolException {
        for (KernelModule module : modules) {
            if (KunitModules.declaresSuites(module)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The modules a driver directory builds, or the given {@code .ko}. A directory's KUnit suite
     * modules go to {@code suites}, to load after every driver; without it (no --kunit) they are left out.
     */
    private List<KernelModule> modulesOf(Path driver, List<KernelModule> suites) throws GuestToolException {
        if (Files.isDirectory(driver)) {
            listener.stage("building the driver in " + driver + " with the guest kit");
            List<KernelModule> modules = new ArrayList<>();
            for (Path ko : new DriverBuild(kit).build(driver)) {
                KernelModule module = KernelModule.of(ko);
                if (!KunitModules.declaresSuites(module)) {
                    modules.add(module);
                } else if (suites != null) {
                    suites.add(module);
                } else {
                    listener.stage("leaving out " + module.name() + ", a KUnit suite module (--kunit runs it)");
                }
            }
            return modules;
        }
        if (!Files.exists(driver)) {
            throw new GuestToolException("no driver at " + driver + ": give a driver directory (with a Kbuild Makefile) or a .ko file");
        }
        return List.of(KernelModule.of(driver));
    }
}
