package org.chariot.emulator.inject;

import java.util.Optional;
import org.chariot.emulator.events.JsonObject;
import org.chariot.emulator.monitor.Violation;

/**
 * One mutant, run twice on the same build: unprotected (policy report: the wild writes land, as
 * they would without Chariot, and are recorded) and isolated (policy block).
 *
 * <p>Manifested: in the unprotected run the monitor recorded an illegal write (or, where it checks
 * frees, an invalid free), or the kernel's own slab checks found damage. The campaign runs the
 * unmutated driver first and requires it clean, so whatever the unprotected run of a mutant
 * records comes from the mutation.
 */
public record TrialOutcome(Mutation mutation, GuestObservation unprotected, GuestObservation isolated) {

    public boolean manifested() {
        return !unprotected.violations().isEmpty() || unprotected.slabDamaged();
    }

    /** Isolation reported a violation of a mutant that manifested. */
    public boolean detected() {
        return manifested() && !isolated.violations().isEmpty();
    }

    /** Isolation reported a violation of a mutant that did not manifest. */
    public boolean falseAlarm() {
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
                .put("false_alarm", falseAlarm()).put("crashed_unprotected", unprotected.crashed())
                .put("exercise_passed", isolated.exercisePassed())
                .put("violations", isolated.violations().size())
                .put("violations_unprotected", unprotected.violations().size());
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
