package org.chariot.debug.rsp;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Why the target stopped, from a stop reply packet: {@code T05thread:01;swbreak:;} (a signal with key:value
 * pairs), {@code S05}, {@code W00} (exited with a code) or {@code X0b} (ended by a signal).
 */
public record StopReply(Kind kind, int number, Map<String, String> details) {

	public enum Kind {
		/** Stopped; {@code number} is the signal. */
		SIGNAL,
		/** The target ended; {@code number} is its exit code. */
		EXITED,
		/** The target ended by a signal; {@code number} is the signal. */
		KILLED
	}

	public static final int SIGINT = 2, SIGTRAP = 5, SIGSEGV = 11;

	public static StopReply parse(String packet) throws RspException {
		if (packet.length() < 3 || "TSWX".indexOf(packet.charAt(0)) < 0) {
			throw new RspException("expected a stop reply from the stub, got '" + packet + "'");
		}
		int number;
		try {
			number = Integer.parseInt(packet.substring(1, 3), 16);
		} catch (NumberFormatException e) {
			throw new RspException("the stop reply '" + packet + "' has no signal number", e);
		}
		Map<String, String> details = new LinkedHashMap<>();
		if (packet.charAt(0) == 'T') {
			for (String pair : packet.substring(3).split(";")) {
				int colon = pair.indexOf(':');
				if (colon > 0) {
					details.put(pair.substring(0, colon), pair.substring(colon + 1));
				}
			}
		}
		Kind kind = switch (packet.charAt(0)) {
		case 'W' -> Kind.EXITED;
		case 'X' -> Kind.KILLED;
		default -> Kind.SIGNAL;
		};
		return new StopReply(kind, number, Map.copyOf(details));
	}

	public boolean ended() {
		return kind != Kind.SIGNAL;
	}

	/** A stop at a breakpoint the client inserted. */
	public boolean atBreakpoint() {
		return kind == Kind.SIGNAL && (details.containsKey("swbreak") || details.containsKey("hwbreak"));
	}

	/** The stub says its list of loaded libraries (here: driver modules) changed. */
	public boolean librariesChanged() {
		return kind == Kind.SIGNAL && details.containsKey("library");
	}

	/** The halt policy stopped the hart before an illegal store landed. */
	public boolean haltedStore() {
		return kind == Kind.SIGNAL && number == SIGSEGV;
	}
}
