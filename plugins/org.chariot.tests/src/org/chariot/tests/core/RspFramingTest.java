package org.chariot.tests.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.chariot.debug.rsp.RspClient;
import org.junit.jupiter.api.Test;

/**
 * The protocol's framing as the real stub never exercises it: a scripted peer on loopback refuses a packet (the
 * client sends it again), sends a reply with a wrong checksum (the client refuses it and reads the next), and
 * compresses a reply with run-length encoding.
 */
class RspFramingTest {

	@Test
	void aRefusedPacketIsSentAgainACorruptReplyIsRefusedAndRunsAreExpanded() throws Exception {
		try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			CompletableFuture<List<String>> peer = CompletableFuture.supplyAsync(() -> script(listener));
			try (RspClient client = RspClient.connect(listener.getLocalPort(), Duration.ofSeconds(5), () -> false)) {
				assertEquals("0000", client.request("m0,2"), "'0* ' is '0' and three more");
			}
			assertEquals(List.of("qSupported:swbreak+;hwbreak+;vContSupported+", "m0,2", "m0,2", "-", "+"),
					peer.get(10, TimeUnit.SECONDS));
		}
	}

	/** What the peer saw: the packets, then the client's answers to the corrupt and to the good reply. */
	private static List<String> script(ServerSocket listener) {
		List<String> seen = new ArrayList<>();
		try (Socket socket = listener.accept()) {
			socket.setSoTimeout(10_000);
			InputStream in = socket.getInputStream();
			OutputStream out = socket.getOutputStream();
			seen.add(packet(in));
			write(out, "+" + frame(""));
			expect(in, '+');
			seen.add(packet(in));
			write(out, "-");
			seen.add(packet(in));
			write(out, "+$OK#00");
			seen.add(String.valueOf((char) in.read()));
			write(out, frame("0* "));
			seen.add(String.valueOf((char) in.read()));
			return seen;
		} catch (IOException e) {
			throw new IllegalStateException(e);
		}
	}

	private static String packet(InputStream in) throws IOException {
		expect(in, '$');
		StringBuilder body = new StringBuilder();
		for (int b = in.read(); b != '#'; b = in.read()) {
			body.append((char) b);
		}
		in.readNBytes(2);
		return body.toString();
	}

	private static void expect(InputStream in, char wanted) throws IOException {
		int b = in.read();
		if (b != wanted) {
			throw new IOException("expected '" + wanted + "', got " + b);
		}
	}

	private static String frame(String body) {
		int sum = 0;
		for (byte b : body.getBytes(StandardCharsets.ISO_8859_1)) {
			sum += b & 0xff;
		}
		return "$" + body + "#" + String.format("%02x", sum & 0xff);
	}

	private static void write(OutputStream out, String text) throws IOException {
		out.write(text.getBytes(StandardCharsets.ISO_8859_1));
		out.flush();
	}
}
