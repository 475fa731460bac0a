package org.chariot.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.chariot.emulator.guest.GuestKit;
import org.chariot.emulator.guest.GuestToolException;
import org.chariot.emulator.inject.CampaignProgress;
import org.chariot.emulator.inject.CampaignReport;
import org.chariot.emulator.inject.InjectionCampaign;
import org.chariot.emulator.inject.Mutation;
import org.chariot.emulator.inject.TrialOutcome;
import org.chariot.emulator.run.ExitStatus;
import org.chariot.emulator.run.WorkDirectory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code chariot inject DRIVER}: a fault-injection campaign on a driver's source, run isolated. */
@Command(name = "inject", mixinStandardHelpOptions = true,
        description = {"Injects faults into a driver's C source (corrupted store destinations, off-by-one bounds "
            + "and lengths, short allocations, skipped initialisation, early frees), one mutated line per trial, "
            + "rebuilds it, and runs each mutant on our machine twice with its exercise and a kernel-health canary: "
            + "unprotected (no isolation) to see whether the fault damages the kernel, and isolated (policy block) "
            + "to see whether Chariot detects and contains it.",
            "Prints a row per mutant and the totals: injected (built and run), manifested (the unprotected run "
            + "damaged the kernel, as witnesses independent of the monitor saw it: an oops, panic or hang, SLUB's "
            + "redzone and poison checks, the canary), detected (isolation reported a manifested mutant), contained "
            + "(of the manifested: under isolation no panic, oops or hang, no slab damage, and the canary passed), "
            + "crashed (under isolation), reported without damage (isolation reported a mutant whose unprotected "
            + "run showed no damage), false alarms (violations of the unmutated driver).",
            "Exit status: 0 the campaign ran and the unmutated driver was clean, 1 the unmutated driver made illegal "
            + "writes or failed its canary, 2 bad input or set-up, 5 the driver or exercise did not build."})
final class InjectCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "DRIVER", description = "A driver directory with a Kbuild Makefile and its C sources.")
    Path driver;

    @Option(names = "--trials", defaultValue = "20", paramLabel = "N", converter = Ranges.Count.class,
            description = "Mutants to run (default: ${DEFAULT-VALUE}).")
    int trials;

    @Option(names = "--seed", defaultValue = "1", paramLabel = "S",
            description = "Chooses the mutants; the same seed gives the same campaign (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--exercise", paramLabel = "PROGRAM.c", converter = Inputs.ExistingFile.class,
            description = "The exercise's C source (default: DRIVER/exercise.c if there is one).")
    Path exercise;

    @Option(names = "--param", paramLabel = "NAME=VALUE", converter = Inputs.ModuleParameter.class, description = "A module parameter (repeatable).")
    List<String> parameters = new ArrayList<>();

    @Option(names = "--timeout", defaultValue = "60", paramLabel = "SECONDS", converter = Ranges.TimeoutSeconds.class,
            description = "Wall-time limit of each guest run; a mutant that hangs the kernel counts as a crash "
                + "(default: ${DEFAULT-VALUE}).")
    long timeoutSeconds;

    @Option(names = "--json", paramLabel = "FILE", description = "Write the figures and every trial to FILE as JSON.")
    Path jsonFile;

    @Override
    public Integer call() {
        if (!Files.isDirectory(driver)) {
            throw new ParameterException(spec.commandLine(), "no driver directory at " + driver + ": the campaign "
                    + "mutates C sources, so give the directory with the driver's Makefile, not a .ko");
        }
        Reporter reporter = Reporter.standard();
        HostSetup setup = new HostSetup(reporter);
        try {
            Path program = exercise != null ? exercise
                    : Files.isRegularFile(driver.resolve("exercise.c")) ? driver.resolve("exercise.c") : null;
            GuestKit kit = setup.ensure(HostSetup.runPackages());
            CampaignReport report;
            try (WorkDirectory work = WorkDirectory.create(setup.installation().runsDirectory())) {
                report = new InjectionCampaign(kit, driver, program, parameters, Duration.ofSeconds(timeoutSeconds),
                        work.path(), progress(reporter)).run(trials, seed);
            }
            new CampaignTable(System.out).print(report);
            if (jsonFile != null) {
                Files.writeString(jsonFile, report.toJson().toJson() + "\n", StandardCharsets.UTF_8);
                reporter.stage("figures and trials written to " + jsonFile);
            }
            if (!report.baselineClean()) {
                reporter.error("the unmutated driver made illegal writes or did not leave the kernel healthy, so "
                        + "what the mutants did cannot be told from what the driver does anyway: run it with "
                        + "./chariot run " + driver + " and fix that first", List.of());
                return ExitStatus.DRIVER_FAILED.code();
            }
            return ExitStatus.OK.code();
        } catch (GuestToolException | IOException e) {
            return Failures.report(reporter, e);
        }
    }

    private static CampaignProgress progress(Reporter reporter) {
        return new CampaignProgress() {
            @Override
            public void stage(String message) {
                reporter.stage("inject: " + message);
            }

            @Override
            public void trial(int number, int of, TrialOutcome outcome) {
                reporter.stage("inject: trial " + number + " of " + of + ": " + outcome.mutation().location() + " "
                        + outcome.mutation().kind().label() + ": " + CampaignTable.verdict(outcome));
            }

            @Override
            public void unbuilt(Mutation mutation, String why) {
                reporter.stage("inject: " + mutation.location() + " " + mutation.change() + " did not compile; "
                        + "left out of the figures");
            }
        };
    }
}
