package org.chariot.emulator.inject;

import java.util.Optional;
import org.chariot.emulator.events.JsonObject;
import org.chariot.emulator.monitor.Violation;

/**
 * One mutant, run twice on the same build: unprotected (no isolation at all, as the driver would run
 * without Chariot) and isolated (policy block).
 *
 * <p>Manifested: the unprotected run damaged the kernel, as witnesses independent of the monitor
 * saw it — the kernel's own checks (an oops, a panic, a hang, SLUB's redzone and poison checks) or
 * the canary after the exercise. The monitor being measured never decides it. The campaign runs the
 * unmutated driver first and requires it healthy, so damage in a mutant's run comes from the mutation.
 */
public record TrialOutcome(Mutation mutation, GuestObservation unprotected, GuestObservation isolated) {

    public boolean manifested() {
        return !unprotected.kernelHealthy();
    }

    /** Isolation reported a violation of a mutant that manifested. */
    public boolean detected() {
        return manifested() && !isolated.violations().isEmpty();
    }

    /**
     * Isolation reported a violation of a mutant whose unprotected run showed no damage: a wild write
     * that happened to hit nothing the witnesses check (a padding byte, a field nobody reads again).
     * Not counted as a false alarm: the unmutated driver's clean run is what measures those.
     */
    public boolean reportedWithoutDamage() {
        return !manifested() && !isolated.violations().isEmpty();
    }

    /** Under isolation the kernel stayed healthy (the run finished, no oops, no slab damage, the canary passed). */
    public boolean contained() {
        return isolated.kernelHealthy();
    }

    public boolean crashed() {
        return isolated.crashed();
    }

    /** The first isolated violation that names the mutated line (its store, or the allocation it overran). */
    public Optional<Violation> violationAtMutation() {
        return isolated.violations().stream().filter(mutation::pointedAtBy).findFirst();
    }

    JsonObject toJson() {
        JsonObject json = new JsonObject().put("mutation", mutation.toJson()).put("manifested", manifested())
                .put("detected", detected()).put("contained", contained()).put("crashed", crashed())
                .put("reported_without_damage", reportedWithoutDamage()).put("crashed_unprotected", unprotected.crashed())
                .put("exercise_passed", isolated.exercisePassed())
                .put("violations", isolated.violations().size());
        firstViolation().ifPresent(first -> json.put("first_violation", first));
        return json.put("at_mutated_line", violationAtMutation().isPresent());
    }

    /** The first isolated violation as {@code kind at file:line}. */
    public Optional<String> firstViolation() {
        return isolated.violations().stream().findFirst().map(first -> first.kind().jsonName() + " at " + where(first));
    }

    private static String where(Violation violation) {
        return violation.source() != null && violation.source().hasSource()
                ? violation.source().file().replaceAll(".*/", "") + ":" + violation.source().line()
                : violation.module() + "+0x" + Long.toHexString(violation.pc());
    }
}
