package org.chariot.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.chariot.emulator.guest.GuestKit;
import org.chariot.emulator.guest.GuestToolException;
import org.chariot.emulator.events.EventStream;
import org.chariot.emulator.monitor.Policy;
import org.chariot.emulator.run.DriverRun;
import org.chariot.emulator.run.EventRecorder;
import org.chariot.emulator.run.ExitStatus;
import org.chariot.emulator.run.RunListener;
import org.chariot.emulator.run.RunRequest;
import org.chariot.emulator.run.WorkDirectory;

/** Sets up the host, runs the request in the guest, and reports the outcome as an exit code. */
final class GuestRunner {

    private GuestRunner() {
    }

    static int execute(Reporter reporter, GuestOptions options, List<Path> drivers, List<String> parameters,
            Path exercise, List<String> exerciseArguments) {
        HostSetup setup = new HostSetup(reporter);
        try {
            Policy isolation = options.isolation(reporter);
            GuestKit kit = setup.ensure(HostSetup.runPackages());
            RunRequest request = new RunRequest(drivers, parameters, exercise, exerciseArguments,
                    options.kernelArguments, options.memoryMiB, options.disk, options.timeout(), isolation);
            try (WorkDirectory work = WorkDirectory.create(setup.installation().runsDirectory())) {
                if (options.eventFile == null) {
                    return reporter.finish(new DriverRun(kit, options.createMachine(kit, reporter), work.path(), reporter)
                            .run(request));
                }
                try (EventStream events = EventStream.create(options.eventFile)) {
                    RunListener listener = RunListener.both(reporter, new EventRecorder(events, kit.kernelIdentity()));
                    return reporter.finish(new DriverRun(kit, options.createMachine(kit, reporter), work.path(), listener)
                            .run(request));
                }
            }
        } catch (GuestToolException e) {
            reporter.error(e.getMessage(), e.details());
            return ExitStatus.USAGE.code();
        } catch (IOException e) {
            reporter.error("cannot write the run's files: " + e.getMessage(), List.of());
            return ExitStatus.USAGE.code();
        }
    }
}
