package org.chariot.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.chariot.emulator.events.JsonObject;
import org.chariot.emulator.guest.DriverBuild;
import org.chariot.emulator.guest.GuestKit;
import org.chariot.emulator.guest.GuestProgram;
import org.chariot.emulator.guest.GuestToolException;
import org.chariot.emulator.monitor.Policy;
import org.chariot.emulator.run.ExitStatus;
import org.chariot.emulator.run.OwnMachine;
import org.chariot.emulator.run.RunRequest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code chariot bench isolation DRIVER}: what isolation costs, the same workload with it off and on. */
@Command(name = "isolation", mixinStandardHelpOptions = true,
        description = "Builds the driver and its exercise once, then runs them on our machine with isolation off and "
            + "on (policy block), alternating, and prints both median wall times of the guest run (boot, load, "
            + "exercise, unload, power-off; not the build) and their ratio.")
final class IsolationBenchCommand implements Callable<Integer> {

    @Parameters(arity = "0..1", paramLabel = "DRIVER", converter = Inputs.Driver.class,
            description = "A driver directory (default: the character-device example).")
    Path driver;

    @Option(names = "--exercise", paramLabel = "PROGRAM", converter = Inputs.ExistingFile.class,
            description = "The workload, a C file or guest binary (default: DRIVER/stress.c, else DRIVER/exercise.c).")
    Path exercise;

    @Mixin
    BenchOptions bench;

    @Override
    public Integer call() {
        Reporter reporter = Reporter.standard();
        HostSetup setup = new HostSetup(reporter);
        try {
            Path directory = driver != null ? driver : setup.installation().examples().resolve("chardev");
            Path workload = exercise != null ? exercise : defaultWorkload(directory);
            GuestKit kit = setup.ensure(HostSetup.runPackages());
            TimedMachine off = new TimedMachine(new OwnMachine());
            TimedMachine on = new TimedMachine(new OwnMachine());
            List<Integer> violations = new ArrayList<>();
            reporter.stage("bench isolation: building " + directory + " and " + workload);
            List<Path> modules = new DriverBuild(kit).build(directory);
            Path program = GuestProgram.prepare(kit, workload);
            RunRequest plain = new RunRequest(modules, List.of(), program, List.of(), List.of(), 128,
                    Duration.ofSeconds(300));
            RunRequest isolated = plain.isolated(Policy.BLOCK);
            for (int i = -bench.warmup; i < bench.runs; i++) {
                bench.timeOnlyAfterWarmUp(i, off, on);
                BenchRun.run(kit, off, setup.installation().runsDirectory(), plain);
                violations.add(BenchRun.run(kit, on, setup.installation().runsDirectory(), isolated).violations()
                        .size());
                reporter.stage("bench isolation: " + (i < 0 ? "warm-up run" : "run " + (i + 1) + " of " + bench.runs)
                        + " each way done");
            }
            if (violations.stream().anyMatch(count -> count > 0)) {
                reporter.stage("bench isolation: the driver made illegal writes under isolation (" + violations
                        + " per run); the isolated times include reporting them");
            }
            double ratio = on.medianSeconds() / off.medianSeconds();
            System.out.printf("workload: %s on %s, boot to power-off, %d runs each way; both in one warm JVM "
                    + "(guest run only, builds excluded)%n", workload.getFileName(),
                    directory.getFileName(), bench.runs);
            for (TimedMachine timed : List.of(off, on)) {
                System.out.printf("%s  %.1f M guest instructions%n", timed.timesLine(timed == off ? "isolation off"
                        : "isolation on"), timed.medianInstructions() / 1e6);
            }
            System.out.printf("ratio on/off (median wall time): %.3f%n", ratio);
            bench.writeJson(new JsonObject().put("benchmark", "isolation")
                    .put("driver", directory.toString()).put("exercise", workload.toString()).put("runs", bench.runs)
                    .put("plain_median_s", off.medianSeconds()).put("isolated_median_s", on.medianSeconds())
                    .put("ratio", ratio).put("plain_instructions", (long) off.medianInstructions())
                    .put("isolated_instructions", (long) on.medianInstructions()), reporter);
            return ExitStatus.OK.code();
        } catch (BenchRun.Failed e) {
            return e.report(reporter);
        } catch (GuestToolException | IOException e) {
            return Failures.report(reporter, e);
        }
    }

    private static Path defaultWorkload(Path directory) throws GuestToolException {
        for (String name : List.of("stress.c", "exercise.c")) {
            if (Files.isRegularFile(directory.resolve(name))) {
                return directory.resolve(name);
            }
        }
        throw new GuestToolException(directory + " has neither stress.c nor exercise.c: give the workload with --exercise");
    }
}
