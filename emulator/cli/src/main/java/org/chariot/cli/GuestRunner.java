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
import org.chariot.emulator.run.DriverRun;
import org.chariot.emulator.run.EventRecorder;
import org.chariot.emulator.run.RunListener;
import org.chariot.emulator.run.RunRequest;
import org.chariot.emulator.run.WorkDirectory;

/** Sets up the host, runs the request in the guest, and reports the outcome as an exit code. */
final class GuestRunner {

    private GuestRunner() {
    }

    /** @param module the only module to load of those the driver directories build, or empty for all */
    static int execute(Reporter reporter, GuestOptions options, List<Path> drivers, Optional<String> module,
            List<String> parameters, Path exercise, List<String> exerciseArguments) {
        HostSetup setup = new HostSetup(reporter);
        try {
            Policy isolation = options.isolation(reporter);
            GuestKit kit = setup.ensure(HostSetup.runPackages());
            if (module.isPresent()) {
                drivers = List.of(onlyModule(kit, drivers, module.get(), reporter));
            }
            RunRequest request = new RunRequest(drivers, parameters, exercise, exerciseArguments,
                    options.kernelArguments, options.memoryMiB, options.disk, options.timeout(), isolation);
            try (WorkDirectory work = WorkDirectory.create(setup.installation().runsDirectory())) {
                if (options.eventFile == null) {
                    return reporter.finish(new DriverRun(kit, options.createMachine(kit, setup.installation(), reporter), work.path(), reporter)
                            .run(request));
                }
                try (EventStream events = EventStream.create(options.eventFile)) {
                    RunListener listener = RunListener.both(reporter, new EventRecorder(events, kit.kernelIdentity()));
                    return reporter.finish(new DriverRun(kit, options.createMachine(kit, setup.installation(), reporter), work.path(), listener)
                            .run(request));
                }
            }
        } catch (GuestToolException | IOException e) {
            return Failures.report(reporter, e);
        }
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
