package org.chariot.core.events;

/** A 64-bit guest address; the event stream writes it as a hex string ("0xffffffff80001234") so no reader loses bits. */
public record Address(long value) {

	public static Address parse(String text) {
		if (!text.startsWith("0x") || text.length() < 3 || text.length() > 18) {
			throw new IllegalArgumentException("not a hex address (0x followed by 1 to 16 hex digits): " + text);
		}
		return new Address(Long.parseUnsignedLong(text.substring(2), 16));
	}

	@Override
	public String toString() {
		return String.format("0x%016x", value);
	}
}
