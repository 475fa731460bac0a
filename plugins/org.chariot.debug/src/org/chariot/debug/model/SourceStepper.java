package org.chariot.debug.model;

import java.io.IOException;
import java.util.List;
import java.util.function.LongPredicate;

import org.chariot.debug.rsp.RspClient;
import org.chariot.debug.rsp.StopReply;
import org.chariot.debug.rsp.StubPlace;
import org.chariot.debug.rsp.StubSourceLines;

/**
 * Steps by source line over instruction steps: the hart steps until it reaches another line with source. A call
 * made on the way (the return address register now points right after the previous instruction) is run through to
 * its return with a temporary breakpoint, unless stepping into a driver function. Any other stop on the way (a
 * breakpoint, the halt policy, the end of the guest) ends the step there.
 */
final class SourceStepper {

	/** A line that takes more instructions than this is given up on; the hart stays where it got to. */
	private static final int MOST_INSTRUCTIONS = 20_000;
	private static final int RA = 1;

	private final RspClient client;
	private final StubSourceLines lines;
	private final LongPredicate userBreakpointAt;

	SourceStepper(RspClient client, LongPredicate userBreakpointAt) {
		this.client = client;
		this.lines = new StubSourceLines(client);
		this.userBreakpointAt = userBreakpointAt;
	}

	StopReply over(StubPlace from) throws IOException {
		return toNextLine(from, false);
	}

	StopReply into(StubPlace from) throws IOException {
		return toNextLine(from, true);
	}

	/** Runs until the frame returns to its caller; one instruction when there is no known caller. */
	StopReply out(List<StubPlace> frames) throws IOException {
		return frames.size() < 2 ? client.step() : runTo(frames.get(1).pc());
	}

	private StopReply toNextLine(StubPlace from, boolean into) throws IOException {
		long previous = from.pc();
		StopReply reply = null;
		for (int i = 0; i < MOST_INSTRUCTIONS; i++) {
			reply = client.step();
			if (!isPlainStop(reply)) {
				return reply;
			}
			long pc = client.register(RspClient.PC);
			StubPlace here = lines.where(pc);
			boolean called = isCall(previous, pc, client.register(RA));
			if (called && !(into && here.hasSource())) {
				reply = runTo(client.register(RA));
				if (!isPlainStop(reply)) {
					return reply;
				}
				pc = client.register(RspClient.PC);
				here = lines.where(pc);
			}
			if (!here.hasSource() || !here.sameLine(from)) {
				return reply;
			}
			previous = pc;
		}
		return reply;
	}

	/** The step was a call if it linked the return address right after the instruction it left. */
	private static boolean isCall(long previous, long pc, long ra) {
		return (ra == previous + 2 || ra == previous + 4) && pc != ra;
	}

	private static boolean isPlainStop(StopReply reply) {
		return reply.kind() == StopReply.Kind.SIGNAL && reply.number() == StopReply.SIGTRAP && !reply.atBreakpoint()
				&& !reply.librariesChanged();
	}

	/** Continues to {@code address} with a temporary breakpoint there (none if the user has one). */
	private StopReply runTo(long address) throws IOException {
		boolean temporary = !userBreakpointAt.test(address);
		if (temporary) {
			client.insertBreakpoint(address);
		}
		StopReply reply = client.resume();
		if (temporary && !reply.ended()) {
			client.removeBreakpoint(address);
		}
		return isAt(reply, address) ? plainStop() : reply;
	}

	private boolean isAt(StopReply reply, long address) throws IOException {
		return reply.atBreakpoint() && client.register(RspClient.PC) == address;
	}

	private static StopReply plainStop() throws IOException {
		return StopReply.parse("T05");
	}
}
