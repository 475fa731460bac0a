package org.chariot.emulator.inject;

import java.util.List;
import java.util.function.Predicate;
import org.chariot.emulator.events.JsonObject;

/**
 * A campaign's figures: of the mutants injected (built and run), how many manifested (damaged the
 * kernel when run unprotected, as its own checks and the canary saw it), how many of those isolation
 * detected and contained, how many crashed the kernel under isolation, the mutants isolation reported
 * although their unprotected run showed no damage, and the false alarms: the unmutated driver's
 * violations.
 *
 * @param baseline the unmutated driver, run the same two ways
 * @param unbuilt mutants that did not compile (not counted as injected)
 */
public record CampaignReport(String driver, long seed, TrialOutcome baseline, List<TrialOutcome> trials,
        List<Mutation> unbuilt) {

    public CampaignReport {
        trials = List.copyOf(trials);
        unbuilt = List.copyOf(unbuilt);
    }

    public int injected() {
        return trials.size();
    }

    public int manifested() {
        return count(TrialOutcome::manifested);
    }

    public int detected() {
        return count(TrialOutcome::detected);
    }

    /** Manifested mutants whose kernel stayed healthy under isolation. */
    public int contained() {
        return count(trial -> trial.manifested() && trial.contained());
    }

    /**
     * Contained mutants whose exercise also passed. Fewer than contained: a blocked write is a write
     * the driver's own logic misses (a position not advanced), which its exercise may notice.
     */
    public int containedWithExercisePassing() {
        return count(trial -> trial.manifested() && trial.contained() && trial.isolated().exercisePassed());
    }

    public int crashed() {
        return count(TrialOutcome::crashed);
    }

    /** Mutants that crashed the kernel when run unprotected: what isolation is up against. */
    public int crashedUnprotected() {
        return count(trial -> trial.unprotected().crashed());
    }

    /** Isolated mutants reported although their unprotected run showed no damage. */
    public int reportedWithoutDamage() {
        return count(TrialOutcome::reportedWithoutDamage);
    }

    /** Violations of the unmutated driver: correct code reported. */
    public int falseAlarms() {
        return baseline.isolated().violations().size();
    }

    /** Whether the unmutated driver ran healthy both ways and clean isolated: without that, manifestation cannot be told. */
    public boolean baselineClean() {
        return baseline.unprotected().kernelHealthy() && baseline.isolated().violations().isEmpty()
                && baseline.contained();
    }

    private int count(Predicate<TrialOutcome> property) {
        return (int) trials.stream().filter(property).count();
    }

    public JsonObject toJson() {
        return new JsonObject().put("driver", driver).put("seed", seed).put("injected", injected())
                .put("manifested", manifested()).put("detected", detected()).put("contained", contained())
                .put("contained_exercise_passed", containedWithExercisePassing()).put("crashed", crashed())
                .put("reported_without_damage", reportedWithoutDamage()).put("false_alarms", falseAlarms())
                .put("crashed_unprotected", crashedUnprotected()).put("not_built", unbuilt.size())
                .put("baseline_clean", baselineClean())
                .putObjects("trials", trials.stream().map(TrialOutcome::toJson).toList());
    }
}
