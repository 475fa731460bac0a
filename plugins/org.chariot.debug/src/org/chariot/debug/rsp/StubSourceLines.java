package org.chariot.debug.rsp;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** The Chariot stub's source line commands ({@code monitor chariot where|frames|lines}) over a client. */
public final class StubSourceLines {

	private final RspClient client;

	public StubSourceLines(RspClient client) {
		this.client = client;
	}

	public StubPlace where(long pc) throws IOException {
		List<StubPlace> places = StubPlace.parseAll(client.monitor("chariot where 0x" + Long.toHexString(pc)));
		if (places.isEmpty()) {
			throw new RspException("the stub cannot say where 0x" + Long.toHexString(pc) + " is");
		}
		return places.getFirst();
	}

	/** The stopped hart's call stack, innermost first. */
	public List<StubPlace> frames() throws IOException {
		String output = client.monitor("chariot frames");
		List<StubPlace> frames = StubPlace.parseAll(output);
		if (frames.isEmpty()) {
			throw new RspException("the stub sent no frames: " + output.strip());
		}
		return frames;
	}

	/**
	 * The addresses a breakpoint on {@code file:line} goes to in the loaded modules; empty when none has code there
	 * (yet). {@code file} may be relative: it matches the recorded paths that end with it.
	 */
	public List<Long> breakpointAddresses(String file, int line) throws IOException {
		List<Long> addresses = new ArrayList<>();
		for (String text : client.monitor("chariot lines " + file + ":" + line).split("\n")) {
			if (text.matches("0x[0-9a-f]+")) {
				addresses.add(Long.parseUnsignedLong(text.substring(2), 16));
			}
		}
		return addresses;
	}
}
