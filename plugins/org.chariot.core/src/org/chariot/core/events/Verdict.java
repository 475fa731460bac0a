package org.chariot.core.events;

import java.util.Arrays;

/** What the isolation policy did with an illegal write. */
public enum Verdict {
	BLOCKED("blocked"), ALLOWED("allowed"), HALTED("halted");

	private final String wireName;

	Verdict(String wireName) {
		this.wireName = wireName;
	}

	public static Verdict fromWireName(String name) {
		return Arrays.stream(values()).filter(verdict -> verdict.wireName.equals(name)).findFirst()
				.orElseThrow(() -> new IllegalArgumentException("unknown verdict: " + name));
	}

	@Override
	public String toString() {
		return wireName;
	}
}
