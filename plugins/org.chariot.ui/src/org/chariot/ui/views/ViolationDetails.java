package org.chariot.ui.views;

import java.util.List;

import org.chariot.core.events.StackFrame;
import org.chariot.core.events.Violation;

/** The text of the details pane: the whole story of one violation, stack and allocation site included. */
final class ViolationDetails {

	private ViolationDetails() {
	}

	static String describe(Violation violation) {
		StringBuilder text = new StringBuilder();
		text.append("Violation ").append(violation.id()).append(": ").append(violation.kind()).append(" (")
				.append(violation.verdict()).append(")\n");
		text.append(violation.size()).append("-byte write of ").append(violation.value()).append(" at ")
				.append(violation.address()).append(" (was ").append(violation.old()).append(")\n");
		text.append("by '").append(violation.instruction()).append("' at pc ").append(violation.pc()).append(" in ")
				.append(violation.module()).append('\n');
		text.append("Source: ").append(violation.source()).append(" in ").append(violation.source().function())
				.append('\n');
		text.append("Target: ").append(violation.target()).append('\n');
		text.append("Allocation: ")
				.append(violation.allocation().map(Object::toString).orElse("no object near the address")).append('\n');
		appendStack(text, violation.stack());
		return text.toString();
	}

	private static void appendStack(StringBuilder text, List<StackFrame> stack) {
		text.append("Stack:\n");
		for (int depth = 0; depth < stack.size(); depth++) {
			text.append("  #").append(depth).append(' ').append(stack.get(depth)).append('\n');
		}
	}
}
