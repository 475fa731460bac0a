package org.chariot.emulator.inject;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.chariot.emulator.guest.BuildFailedException;
import org.chariot.emulator.guest.DriverBuild;
import org.chariot.emulator.guest.GuestKit;
import org.chariot.emulator.guest.GuestToolException;
import org.chariot.emulator.monitor.Policy;
import org.chariot.emulator.run.DriverRun;
import org.chariot.emulator.run.OwnMachine;
import org.chariot.emulator.run.RunRecording;
import org.chariot.emulator.run.RunRequest;
import org.chariot.emulator.run.RunResult;
import org.chariot.emulator.run.WorkDirectory;

/**
 * A fault-injection campaign on one driver, as the Nooks and Chariot evaluations ran them: mutate
 * the driver's C source one line at a time (the seed picks the mutants), rebuild it with Kbuild,
 * and run each mutant twice on our machine with the exercise and a kernel-health canary: without
 * isolation, to learn whether its fault manifests (damages the kernel, as the kernel's own checks
 * and the canary see it), and with policy {@code block} to see whether isolation detects and
 * contains it. SLUB debugging is on in every run, a witness of heap damage that does not depend on
 * the monitor.
 */
public final class InjectionCampaign {

    private static final String SLAB_CHECKS = "slub_debug=FZPU";

    private final GuestKit kit;
    private final Path driver;
    private final Path exercise;
    private final List<String> parameters;
    private final Duration timeout;
    private final Path workDirectory;
    private final CampaignProgress progress;

    /**
     * @param driver a driver directory with a Kbuild Makefile
     * @param exercise the exercise's C source, or null
     * @param workDirectory scratch space for the mutants' builds and boots
     */
    public InjectionCampaign(GuestKit kit, Path driver, Path exercise, List<String> parameters, Duration timeout,
            Path workDirectory, CampaignProgress progress) {
        this.kit = kit;
        this.driver = driver.toAbsolutePath().normalize();
        this.exercise = exercise;
        this.parameters = List.copyOf(parameters);
        this.timeout = timeout;
        this.workDirectory = workDirectory;
        this.progress = progress;
    }

    /** Runs the unmutated driver, then {@code trials} mutants chosen by {@code seed}. */
    public CampaignReport run(int trials, long seed) throws GuestToolException, IOException {
        progress.stage("building the exercise with the kernel-health canary");
        Path program = CanaryExercise.build(kit, exercise, workDirectory);
        progress.stage("building the unmutated driver " + driver.getFileName());
        Path original = copyOfDriver(workDirectory.resolve("original"));
        List<Path> modules = new DriverBuild(kit).build(original);
        List<Mutation> candidates = new ArrayList<>();
        for (Path source : moduleSources(original)) {
            candidates.addAll(SourceMutator.mutationsOf(original.relativize(source).toString(),
                    Files.readAllLines(source, StandardCharsets.UTF_8)));
        }
        if (candidates.isEmpty()) {
            throw new GuestToolException("nothing to inject in " + driver + ": its C files have no store through a "
                    + "pointer, writing helper call, allocation, condition or free on one line; give a driver that does");
        }
        progress.stage("running the unmutated driver " + driver.getFileName() + " (unprotected, then isolated with block)");
        TrialOutcome baseline = runBoth(null, modules, program, workDirectory);
        List<Mutation> chosen = MutantSample.choose(candidates, trials, seed);
        progress.stage(candidates.size() + " mutants in " + driver.getFileName() + "; running "
                + (chosen.size() < trials ? "all of them (fewer than the " + trials + " trials asked)"
                        : chosen.size() + " chosen by seed " + seed) + ", each unprotected and isolated (block)");
        List<TrialOutcome> outcomes = new ArrayList<>();
        List<Mutation> unbuilt = new ArrayList<>();
        for (Mutation mutation : chosen) {
            try (WorkDirectory scratch = WorkDirectory.create(workDirectory)) {
                Path mutant = copyOfDriver(scratch.path().resolve("driver"));
                Path file = mutant.resolve(mutation.file());
                Files.write(file, mutation.applyTo(Files.readAllLines(file, StandardCharsets.UTF_8)),
                        StandardCharsets.UTF_8);
                outcomes.add(runBoth(mutation, new DriverBuild(kit).build(mutant), program, scratch.path()));
                progress.trial(outcomes.size() + unbuilt.size(), chosen.size(), outcomes.getLast());
            } catch (BuildFailedException e) {
                unbuilt.add(mutation);
                progress.unbuilt(mutation, e.getMessage());
            }
        }
        return new CampaignReport(driver.getFileName().toString(), seed, baseline, outcomes, unbuilt);
    }

    private TrialOutcome runBoth(Mutation mutation, List<Path> modules, Path program, Path scratch) throws IOException {
        GuestObservation unprotected = observe(modules, program, null, scratch);
        GuestObservation isolated = observe(modules, program, Policy.BLOCK, scratch);
        return new TrialOutcome(mutation, unprotected, isolated);
    }

    /** One run; {@code policy} null runs the driver without isolation. */
    private GuestObservation observe(List<Path> modules, Path program, Policy policy, Path scratch) throws IOException {
        RunRecording recording = new RunRecording();
        RunRequest request = new RunRequest(modules, parameters, program, List.of(), List.of(SLAB_CHECKS), 128, null,
                timeout, policy);
        try (WorkDirectory boot = WorkDirectory.create(scratch)) {
            RunResult result = new DriverRun(kit, new OwnMachine(), boot.path(), recording).run(request);
            return new GuestObservation(result, recording.violations(), recording.console());
        }
    }

    /** The driver's files without build outputs, so that Kbuild rebuilds everything in the copy. */
    private Path copyOfDriver(Path target) throws IOException {
        try (Stream<Path> files = Files.walk(driver)) {
            for (Path file : files.filter(Files::isRegularFile).filter(InjectionCampaign::isSource).toList()) {
                Path copy = target.resolve(driver.relativize(file).toString());
                Files.createDirectories(copy.getParent());
                Files.copy(file, copy);
            }
        }
        return target;
    }

    private static boolean isSource(Path file) {
        String name = file.getFileName().toString();
        return !name.startsWith(".") && !name.equals("modules.order") && !name.equals("Module.symvers")
                && !name.matches(".*\\.(o|ko|mod|mod\\.c|cmd|a)$");
    }

    /** The C files Kbuild compiled into the modules: those with an object file beside them after the build. */
    private static List<Path> moduleSources(Path built) throws IOException {
        try (Stream<Path> files = Files.walk(built)) {
            return files.filter(file -> file.getFileName().toString().endsWith(".c"))
                    .filter(file -> !file.getFileName().toString().endsWith(".mod.c"))
                    .filter(file -> Files.exists(file.resolveSibling(file.getFileName().toString()
                            .replaceFirst("\\.c$", ".o"))))
                    .sorted().toList();
        }
    }
}
