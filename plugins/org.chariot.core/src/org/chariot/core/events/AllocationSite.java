package org.chariot.core.events;

import java.util.Optional;

/** The object nearest to a faulting store and where it was allocated. */
public record AllocationSite(Address address, long size, Optional<SourceLocation> source) {

	@Override
	public String toString() {
		return size + "-byte object at " + address + source.map(location -> ", allocated in " + location.function() + " ("
				+ location + ")").orElse("");
	}
}
