package org.chariot.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.chariot.emulator.guest.DriverBuild;
import org.chariot.emulator.guest.GuestKit;
import org.chariot.emulator.guest.KernelModule;
import org.chariot.emulator.guest.GuestToolException;
import org.chariot.emulator.events.EventStream;
import org.chariot.emulator.monitor.Policy;
import org.chariot.emulator.reports.RunTests;
import org.chariot.emulator.run.DriverRun;
import org.chariot.emulator.run.EventRecorder;
import org.chariot.emulator.run.RunListener;
import org.chariot.emulator.run.RunListeners;
import org.chariot.emulator.run.RunRequest;
import org.chariot.emulator.run.RunResult;
import org.chariot.emulator.run.WorkDirectory;

/** Sets up the host, runs the request in the guest, and reports the outcome as an exit code. */
final class GuestRunner {

    private GuestRunner() {
    }

    /**
     * @param kitModules modules of the kit (the kernel's own) to load and isolate before {@code drivers}
     * @param module the only module to load of those the driver directories build, or empty for all
     */
    static int execute(Reporter reporter, GuestOptions options, List<String> kitModules, List<Path> drivers,
            Optional<String> module, List<String> parameters, Path exercise, List<String> exerciseArguments) {
        options.checkCombinations();
        HostSetup setup = new HostSetup(reporter);
        try {
            Policy isolation = options.isolation(reporter);
            GuestKit kit = setup.ensure(HostSetup.runPackages());
            if (module.isPresent()) {
                drivers = List.of(onlyModule(kit, drivers, module.get(), reporter));
            }
            List<Path> modules = new ArrayList<>();
            for (String name : kitModules) {
                modules.add(kit.modules().module(name).file());
            }
            modules.addAll(drivers);
            drivers = modules;
            RunRequest request = new RunRequest(drivers, parameters, exercise, exerciseArguments,
                    options.kernelArguments, options.memoryMiB, options.disk, options.timeout(), isolation)
                    .withDevices(options.deviceFiles, options.gpioInputs).withPciDisk(options.pciDisk)
                    .withNetworkCapture(options.networkCapture)
                    .withKunit(options.reports.kunit())
                    .withReadsChecked(options.checkReads());
            try (WorkDirectory work = WorkDirectory.create(setup.installation().runsDirectory())) {
                RunListener listener = options.reports.following(reporter);
                RunResult result;
                if (options.eventFile == null) {
                    result = new DriverRun(kit, options.createMachine(kit, setup.installation(), reporter), work.path(), listener).run(request);
                } else {
                    try (EventStream events = EventStream.create(options.eventFile)) {
                        listener = RunListeners.of(listener, new RunTests(test -> events.write(RunTests.toEvent(test))),
                                EventRecorder.of(events, kit.kernelIdentity()));
                        result = new DriverRun(kit, options.createMachine(kit, setup.installation(), reporter), work.path(), listener)
                                .run(request);
                    }
                }
                options.reports.printKunit(reporter, result);
                int status = reporter.finish(result);
                options.reports.write(runName(drivers));
                return status;
            }
        } catch (GuestToolException | IOException e) {
            return Failures.report(reporter, e);
        }
    }

    /** What a report calls the run: {@code chariot run} and its drivers' names. */
    private static String runName(List<Path> drivers) {
        return "chariot run " + String.join(" ", drivers.stream().map(d -> String.valueOf(d.getFileName())).toList());
    }

    /** Builds the driver directories and picks the module named {@code name}, as a .ko the run then loads. */
    private static Path onlyModule(GuestKit kit, List<Path> drivers, String name, Reporter reporter)
            throws GuestToolException {
        List<String> built = new ArrayList<>();
        for (Path driver : drivers) {
            List<Path> files = Files.isDirectory(driver) ? buildDirectory(kit, driver, reporter) : List.of(driver);
            for (Path file : files) {
                KernelModule module = KernelModule.of(file);
                if (module.name().equals(name)) {
                    return file;
                }
                built.add(module.name());
            }
        }
        throw new GuestToolException("no module '" + name + "' among the run's modules (" + String.join(", ", built)
                + "): give --module one of these, or leave it out to load them all");
    }

    private static List<Path> buildDirectory(GuestKit kit, Path driver, Reporter reporter) throws GuestToolException {
        reporter.stage("building the driver in " + driver + " with the guest kit");
        return new DriverBuild(kit).build(driver);
    }
}
