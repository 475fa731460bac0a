package org.chariot.core.events;

import java.util.List;
import java.util.Optional;

/** An illegal write by an isolated module, with where it came from and what it hit. */
public record Violation(long time, long id, String module, Address pc, String instruction, Address address, int size,
		String value, String old, ViolationKind kind, String target, Optional<AllocationSite> allocation,
		List<StackFrame> stack, SourceLocation source, Verdict verdict) implements ChariotEvent {

	/** One line for a marker or a status bar: what, where, what it hit, what happened. */
	public String summary() {
		return kind + ": " + size + "-byte write at " + address + " to " + target + " in " + source.function() + " ("
				+ verdict + ")";
	}
}
