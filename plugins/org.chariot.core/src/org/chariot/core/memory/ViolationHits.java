package org.chariot.core.memory;

import org.chariot.core.events.Address;
import org.chariot.core.events.Violation;

/**
 * The violations that wrote at one address: the first of them (for its kind and source line) and how many there were,
 * so that a map of 100 000 violations has one mark per address, not per violation.
 */
public record ViolationHits(Address address, Violation first, int count) {

	ViolationHits another() {
		return new ViolationHits(address, first, count + 1);
	}

	public String describe() {
		return (count == 1 ? "violation " + first.id() : count + " violations, the first " + first.id()) + ": "
				+ first.kind() + ", " + first.size() + "-byte write at " + address + " from " + first.source().function()
				+ " (" + first.source() + ")";
	}
}
