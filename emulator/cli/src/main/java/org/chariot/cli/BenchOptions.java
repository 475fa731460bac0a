package org.chariot.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.chariot.emulator.events.JsonObject;
import org.chariot.emulator.guest.GuestToolException;
import org.chariot.emulator.run.ExitStatus;
import picocli.CommandLine.Option;

/** Options every benchmark has: how many timed runs, and where its figures go as JSON. */
final class BenchOptions {

    @Option(names = "--runs", defaultValue = "5", converter = Ranges.Count.class,
            description = "Timed runs each way (default: ${DEFAULT-VALUE}).")
    int runs;

    @Option(names = "--warmup", defaultValue = "1", converter = Ranges.OptionalCount.class,
            description = "Untimed runs each way first, so that every timed run finds modules built and files cached "
                + "(and, in-process, the JVM warm) (default: ${DEFAULT-VALUE}).")
    int warmup;

    @Option(names = "--json", paramLabel = "FILE", description = "Also write the figures to FILE as one JSON object.")
    Path jsonFile;

    /** The work of a benchmark, given the reporter and the host set-up it measures with. */
    @FunctionalInterface
    interface Measurement {
        void measure(Reporter reporter, HostSetup setup) throws GuestToolException;
    }

    /** Runs {@code measurement}; a set-up or tool failure is reported as every command reports it. Returns the exit status. */
    static int run(Measurement measurement) {
        Reporter reporter = Reporter.standard();
        try {
            measurement.measure(reporter, new HostSetup(reporter));
            return ExitStatus.OK.code();
        } catch (GuestToolException e) {
            return Failures.report(reporter, e);
        }
    }

    /** Turns timing on for {@code machines} from run 0 on; runs numbered below 0 are the warm-up. */
    void timeOnlyAfterWarmUp(int run, TimedMachine... machines) {
        for (TimedMachine machine : machines) {
            machine.timing(run >= 0);
        }
    }

    /** Writes {@code figures} to the --json file if one was given, saying so on {@code reporter}. */
    void writeJson(JsonObject figures, Reporter reporter) throws GuestToolException {
        if (jsonFile == null) {
            return;
        }
        try {
            Files.writeString(jsonFile, figures.toJson() + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new GuestToolException("cannot write " + jsonFile + ": " + e.getMessage()
                    + "; give a writable path to --json");
        }
        reporter.stage("bench: figures written to " + jsonFile);
    }
}
