package org.chariot.emulator.reports;

import java.util.List;
import org.chariot.emulator.monitor.Frame;
import org.chariot.emulator.monitor.Violation;

/**
 * One test of a run, as a CI system counts it: a step of the guest's init (load, exercise, unload)
 * or a KUnit case.
 *
 * @param suite the group it belongs to ({@code chariot} for the init's steps, else the KUnit suite)
 * @param failure why it failed in one line (a step's error, a KUnit case's first diagnostic), or null
 * @param details more lines that explain it (KUnit's diagnostics, console evidence)
 * @param violations the isolated drivers' violations that happened while it ran
 * @param source where the test is written (a KUnit case's function), or null
 * @param seconds how long it took in guest time
 * @param ended the guest time it ended at, in nanoseconds
 */
public record TestRecord(String suite, String name, Outcome outcome, String failure, List<String> details,
        List<Violation> violations, Frame source, double seconds, long ended) {

    /** How a test ended. */
    public enum Outcome {
        PASSED, FAILED, SKIPPED,
        /** It could not finish: the run ended (panic, time-out, machine failure) before it reported. */
        ERROR
    }

    public TestRecord {
        details = List.copyOf(details);
        violations = List.copyOf(violations);
    }

    /** Whether a CI system should count it against the run: it failed, erred, or its drivers wrote illegally. */
    public boolean unsuccessful() {
        return outcome == Outcome.FAILED || outcome == Outcome.ERROR || !violations.isEmpty();
    }
}
