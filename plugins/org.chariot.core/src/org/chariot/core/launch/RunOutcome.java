package org.chariot.core.launch;

import java.nio.file.Path;
import java.util.Optional;

import org.chariot.core.events.RunSummary;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;

/**
 * What the user is told when a run ends, from the command's exit code, the event stream's summary and what the command
 * said. Violations are not failures (the Violations view shows them); a run that could not happen is an error, with the
 * command's own explanation; a run without a summary was killed, and its record so far is kept.
 */
final class RunOutcome {

	/** The exit codes of chariot run (see its --help). */
	private static final int PASSED = 0;
	private static final int DRIVER_FAILED = 1;
	private static final int BUILD_FAILED = 5;
	private static final int VIOLATIONS = 7;

	private RunOutcome() {
	}

	static IStatus of(String configuration, int exitCode, Optional<RunSummary> summary, String problem, int diagnostics,
			Path eventFile) {
		if (summary.isEmpty() && exitCode != PASSED && exitCode != BUILD_FAILED && problem.isEmpty()) {
			return Status.error("The Chariot run '" + configuration + "' ended without its summary (exit code "
					+ exitCode + "): the emulator was killed or crashed. What it recorded until then is kept in "
					+ eventFile + " and shown in the Violations view.");
		}
		return switch (exitCode) {
		case PASSED, VIOLATIONS -> Status.OK_STATUS;
		case DRIVER_FAILED -> Status.warning("The driver of '" + configuration + "' failed a step in the guest: "
				+ explanation(summary, problem));
		case BUILD_FAILED -> Status.error("The driver of '" + configuration + "' did not build"
				+ (diagnostics > 0 ? ": the compiler's " + diagnostics + " messages are on the C lines (Problems view)"
						: "") + ".\n" + problem);
		default -> Status.error("The Chariot run '" + configuration + "' failed (exit code " + exitCode + "): "
				+ explanation(summary, problem));
		};
	}

	private static String explanation(Optional<RunSummary> summary, String problem) {
		if (!problem.isEmpty()) {
			return problem;
		}
		return summary.map(RunSummary::message).orElse("see the Console for the command's output.");
	}
}
