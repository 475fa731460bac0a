package org.chariot.core.launch;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.chariot.core.build.CompilerDiagnostic;

/**
 * Reads the chariot command's output lines as the Console gets them (see {@link ObservedProcess}): the compiler's
 * messages about C lines, and what the command says when it fails ("chariot: error: ...", "chariot: FAIL ..." and the
 * lines that explain them).
 */
final class ChariotRunOutput implements Consumer<String> {

	private static final String ERROR = "chariot: error: ";
	private static final String FAILURE = "chariot: FAIL";
	private static final String DETAIL = "  ";
	/** What the command says before the evidence of a failure (the compiler's messages, the last console lines). */
	private static final String EVIDENCE = "chariot: the lines that show it";

	private final List<CompilerDiagnostic> diagnostics = new ArrayList<>();
	private final List<String> problem = new ArrayList<>();
	private boolean inProblem;

	/** Takes one line of either stream, on its reading thread. */
	@Override
	public synchronized void accept(String line) {
		CompilerDiagnostic.parse(line).ifPresent(diagnostics::add);
		if (line.startsWith(ERROR) || line.startsWith(FAILURE)) {
			problem.add(line);
			inProblem = true;
		} else if (inProblem && (line.startsWith(DETAIL) || line.startsWith(EVIDENCE))) {
			problem.add(line);
		} else {
			inProblem = false;
		}
	}

	synchronized List<CompilerDiagnostic> diagnostics() {
		return List.copyOf(diagnostics);
	}

	/** What the command said about its failure, or nothing if it did not fail. */
	synchronized String problem() {
		return String.join("\n", problem);
	}
}
