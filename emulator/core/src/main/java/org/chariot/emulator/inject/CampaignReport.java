package org.chariot.emulator.inject;

import java.util.List;
import java.util.function.Predicate;
import org.chariot.emulator.events.JsonObject;

/**
 * A campaign's figures: of the mutants injected (built and run), how many manifested (wrote
 * outside the ACT when unprotected), how many of those isolation detected and contained, how many
 * crashed the kernel under isolation, and the false alarms: isolated violations of mutants that
 * wrote nothing wild, plus the unmutated driver's if it had any.
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

    public int falseAlarms() {
        boolean baselineAlarm = !baseline.isolated().violations().isEmpty() || !baseline.unprotected().violations().isEmpty();
        return count(TrialOutcome::falseAlarm) + (baselineAlarm ? 1 : 0);
    }

    /** Whether the unmutated driver ran clean both ways: without that, manifestation cannot be told. */
    public boolean baselineClean() {
        return baseline.unprotected().violations().isEmpty() && baseline.isolated().violations().isEmpty()
                && baseline.contained();
    }

    private int count(Predicate<TrialOutcome> property) {
        return (int) trials.stream().filter(property).count();
    }

    public JsonObject toJson() {
        return new JsonObject().put("driver", driver).put("seed", seed).put("injected", injected())
                .put("manifested", manifested()).put("detected", detected()).put("contained", contained())
                .put("contained_exercise_passed", containedWithExercisePassing()).put("crashed", crashed())
                .put("false_alarms", falseAlarms())
                .put("crashed_unprotected", crashedUnprotected()).put("not_built", unbuilt.size())
                .put("baseline_clean", baselineClean())
                .putObjects("trials", trials.stream().map(TrialOutcome::toJson).toList());
    }
}
