package org.chariot.core.events;

import java.util.Arrays;

/** What an illegal write hit, by the names the event stream uses. */
public enum ViolationKind {
	HEAP_OVERFLOW("heap-overflow"),
	HEAP_UNDERFLOW("heap-underflow"),
	USE_AFTER_FREE("use-after-free"),
	INVALID_FREE("invalid-free"),
	/** A free by the wrong allocator, or into the wrong kmem_cache. */
	MISMATCHED_FREE("mismatched-free"),
	STACK("stack"),
	KERNEL_TEXT("kernel-text"),
	KERNEL_RODATA("kernel-rodata"),
	KERNEL_DATA("kernel-data"),
	/** The module's own code. */
	MODULE_TEXT("module-text"),
	/** The module's own rodata, or its ro-after-init data once init returned. */
	MODULE_RODATA("module-rodata"),
	NULL_POINTER("null-pointer"),
	USER_MEMORY("user-memory"),
	/** A kernel address with no valid mapping (a guard page, unmapped space). */
	UNMAPPED("unmapped"),
	OTHER_DRIVER("other-driver"),
	OUT_OF_BOUNDS_READ("out-of-bounds-read"),
	USE_AFTER_FREE_READ("use-after-free-read"),
	DMA("dma"),
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
