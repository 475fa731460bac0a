package org.chariot.core.events;

import java.util.Arrays;

/** What an illegal write hit, by the names the event stream uses. */
public enum ViolationKind {
	HEAP_OVERFLOW("heap-overflow"),
	HEAP_UNDERFLOW("heap-underflow"),
	USE_AFTER_FREE("use-after-free"),
	INVALID_FREE("invalid-free"),
	STACK("stack"),
	KERNEL_TEXT("kernel-text"),
	KERNEL_RODATA("kernel-rodata"),
	KERNEL_DATA("kernel-data"),
	OTHER_DRIVER("other-driver"),
	USER_MEMORY("user-memory"),
	UNKNOWN("unknown");

	private final String wireName;

	ViolationKind(String wireName) {
		this.wireName = wireName;
	}

	public String wireName() {
		return wireName;
	}

	/** A kind this version does not know (a newer emulator) reads as UNKNOWN rather than losing the violation. */
	public static ViolationKind fromWireName(String name) {
		return Arrays.stream(values()).filter(kind -> kind.wireName.equals(name)).findFirst().orElse(UNKNOWN);
	}

	@Override
	public String toString() {
		return wireName;
	}
}
