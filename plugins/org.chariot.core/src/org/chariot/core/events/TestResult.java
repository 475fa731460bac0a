package org.chariot.core.events;

import java.util.List;
import java.util.Optional;

/**
 * A test of the run ended: a step of the guest's init or a KUnit case, with the ids of the violations that happened
 * while it ran and, for a KUnit case, the line its function begins on.
 */
public record TestResult(long time, String suite, String name, boolean kunit, Outcome outcome, String message,
		List<String> details, List<Long> violationIds, Optional<SourceLocation> source) implements ChariotEvent {

	/** How the test ended, as the event stream names it. */
	public enum Outcome {
		PASSED, FAILED, SKIPPED, ERROR;

		static Outcome named(String name) {
			return valueOf(name.toUpperCase(java.util.Locale.ROOT));
		}
	}

	public TestResult {
		details = List.copyOf(details);
		violationIds = List.copyOf(violationIds);
	}

	/** Whether it failed, erred, or its drivers wrote illegally while it ran. */
	public boolean unsuccessful() {
		return outcome == Outcome.FAILED || outcome == Outcome.ERROR || !violationIds.isEmpty();
	}
}
