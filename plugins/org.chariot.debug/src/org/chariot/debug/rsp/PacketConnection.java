package org.chariot.debug.rsp;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

/**
 * The remote serial protocol's framing over one byte stream: {@code $payload#checksum}, {@code +}/{@code -}
 * acknowledgements, {@code }}-escapes and {@code *} run-length encoding in replies, and the lone 0x03 byte that
 * interrupts a running target. Writing is thread-safe (an interrupt comes from another thread than the one waiting
 * for the stop reply); reading is done by one thread at a time.
 */
final class PacketConnection {

	private static final int INTERRUPT = 0x03;
	private static final int MAX_RETRANSMISSIONS = 3;

	private final InputStream in;
	private final OutputStream out;
	private final Object writeLock = new Object();

	PacketConnection(InputStream in, OutputStream out) {
		this.in = in;
		this.out = out;
	}

	/** Sends a packet and waits for its acknowledgement, sending it again after a {@code -}. */
	void send(String payload) throws IOException {
		byte[] frame = frame(payload);
		for (int attempt = 0; attempt <= MAX_RETRANSMISSIONS; attempt++) {
			write(frame);
			int ack = readByte();
			while (ack != '+' && ack != '-') {
				ack = readByte(); // noise between packets
			}
			if (ack == '+') {
				return;
			}
		}
		throw new RspException("the stub rejected the packet '" + payload + "' " + (MAX_RETRANSMISSIONS + 1) + " times");
	}

	/** The next packet's payload, acknowledged; a packet with a wrong checksum is refused and read again. */
	String receive() throws IOException {
		while (true) {
			int b = readByte();
			if (b != '$') {
				continue;
			}
			ByteArrayOutputStream body = new ByteArrayOutputStream();
			int sum = 0;
			while ((b = readByte()) != '#') {
				body.write(b);
				sum += b;
			}
			int high = readByte(), low = readByte();
			boolean intact = HexFormat.isHexDigit(high) && HexFormat.isHexDigit(low)
					&& (HexFormat.fromHexDigit(high) << 4 | HexFormat.fromHexDigit(low)) == (sum & 0xff);
			if (intact) {
				write(new byte[] { '+' });
				return decode(body.toByteArray());
			}
			write(new byte[] { '-' });
		}
	}

	/** Asks a running target to stop; its stop reply follows as a packet. */
	void interrupt() throws IOException {
		write(new byte[] { INTERRUPT });
	}

	private void write(byte[] bytes) throws IOException {
		synchronized (writeLock) {
			out.write(bytes);
			out.flush();
		}
	}

	private int readByte() throws IOException {
		int b = in.read();
		if (b < 0) {
			throw new EOFException("the stub closed the connection");
		}
		return b;
	}

	static byte[] frame(String payload) {
		StringBuilder escaped = new StringBuilder();
		int sum = 0;
		for (char c : payload.toCharArray()) {
			if (c == '$' || c == '#' || c == '}' || c == '*') {
				escaped.append('}');
				sum += '}';
				c ^= 0x20;
			}
			escaped.append(c);
			sum += c;
		}
		return ("$" + escaped + "#" + String.format("%02x", sum & 0xff)).getBytes(StandardCharsets.ISO_8859_1);
	}

	/** Undoes {@code }}-escapes and expands {@code X*n} runs (n is the repeat count + 29). */
	private static String decode(byte[] body) {
		StringBuilder text = new StringBuilder();
		for (int i = 0; i < body.length; i++) {
			char c = (char) (body[i] & 0xff);
			if (c == '}' && i + 1 < body.length) {
				text.append((char) ((body[++i] & 0xff) ^ 0x20));
			} else if (c == '*' && i + 1 < body.length && !text.isEmpty()) {
				char repeated = text.charAt(text.length() - 1);
				text.append(String.valueOf(repeated).repeat((body[++i] & 0xff) - 29));
			} else {
				text.append(c);
			}
		}
		return text.toString();
	}
}
