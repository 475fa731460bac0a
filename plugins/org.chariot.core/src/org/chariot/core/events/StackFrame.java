package org.chariot.core.events;

import java.util.Optional;

/** One frame of the guest stack at the faulting store; kernel frames may have no source line. */
public record StackFrame(Address pc, String function, Optional<SourceLocation> source) {

	@Override
	public String toString() {
		return pc + " " + function + source.map(location -> " (" + location + ")").orElse("");
	}
}
