package org.chariot.core.memory;

/** What put a region in the module's access control table. */
public enum RegionKind {
	SECTION("section", "unloaded"),
	ALLOCATION("allocation", "freed"),
	STACK("stack frame", "returned"),
	RULE("kernel object", "revoked"),
	/** An object known only because a violation named it as the nearest one; ended only for a use after free. */
	NEAREST_OBJECT("object", "freed");

	private final String title;
	private final String endedWord;

	RegionKind(String title, String endedWord) {
		this.title = title;
		this.endedWord = endedWord;
	}

	public String title() {
		return title;
	}

	/** How to say that a region of this kind is no longer the module's. */
	public String endedWord() {
		return endedWord;
	}
}
