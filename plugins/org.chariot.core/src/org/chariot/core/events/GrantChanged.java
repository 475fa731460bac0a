package org.chariot.core.events;

import java.util.Arrays;
import java.util.Optional;

/**
 * Bytes an isolated module may write were granted or revoked in its access control table: an allocation and its free,
 * a stack frame, a kernel object handed over by a rule. An optional record type ("grant"): streams without it still
 * show sections and the objects violations name.
 */
public record GrantChanged(long time, String module, boolean granted, Kind kind, Address address, long size,
		String origin, Optional<SourceLocation> site) implements ChariotEvent {

	/** What granted the bytes, by the names the event stream uses. */
	public enum Kind {
		ALLOCATION("allocation"), STACK("stack"), RULE("rule"), SECTION("section");

		private final String wireName;

		Kind(String wireName) {
			this.wireName = wireName;
		}

		public static Kind fromWireName(String name) {
			return Arrays.stream(values()).filter(kind -> kind.wireName.equals(name)).findFirst()
					.orElseThrow(() -> new IllegalArgumentException("unknown grant kind: " + name));
		}

		@Override
		public String toString() {
			return wireName;
		}
	}

	/** Whether the byte at the address is one of these. */
	public boolean contains(Address byteAddress) {
		return Long.compareUnsigned(byteAddress.value() - address.value(), size) < 0;
	}
}
