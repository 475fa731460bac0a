package org.chariot.cli;

import java.io.IOException;
import java.nio.file.Path;
import org.chariot.emulator.guest.GuestKit;
import org.chariot.emulator.run.DriverRun;
import org.chariot.emulator.run.RunRecording;
import org.chariot.emulator.run.RunRequest;
import org.chariot.emulator.run.RunResult;
import org.chariot.emulator.run.WorkDirectory;

/** One quiet guest run of a benchmark, which must pass: a failed run would not measure the workload. */
final class BenchRun {

    /** A benchmark run that did not pass: its figures would not measure the workload. */
    static final class Failed extends Exception {
        private final transient RunResult result;

        Failed(String machine, RunResult result) {
            super(machine + ": " + result.message());
            this.result = result;
        }

        /** Reports the failure; returns the run's exit status. */
        int report(Reporter reporter) {
            reporter.error(getMessage(), result.evidence());
            return result.status().code();
        }
    }

    private BenchRun() {
    }

    /** Runs {@code request} on {@code machine} in a fresh directory under {@code runsDirectory}; returns what it recorded. */
    static RunRecording run(GuestKit kit, TimedMachine machine, Path runsDirectory, RunRequest request)
            throws IOException, Failed {
        RunRecording recording = new RunRecording();
        RunResult result;
        try (WorkDirectory work = WorkDirectory.create(runsDirectory)) {
            result = new DriverRun(kit, machine, work.path(), recording).run(request);
        }
        if (!result.succeeded()) {
            throw new Failed(machine.name(), result);
        }
        return recording;
    }
}
