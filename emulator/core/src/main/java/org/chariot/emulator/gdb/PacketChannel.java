package org.chariot.emulator.gdb;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * The remote protocol's framing on one connection: {@code $payload#cs} with a two-digit checksum,
 * {@code +}/{@code -} acknowledgements (until {@code QStartNoAckMode}), {@code }}-escapes and the
 * lone 0x03 interrupt byte. Acks are never waited for: a {@code -} from the client re-sends the
 * last packet, so a client that acks badly can neither block nor confuse the stub.
 * {@link #send} is thread-safe (stop replies come from the machine's thread).
 */
final class PacketChannel {

    /** The largest packet the stub accepts and announces in {@code qSupported}. */
    static final int MAX_PACKET = 0x4000;
    private static final int ESCAPE = '}';

    private final InputStream in;
    private final OutputStream out;
    private volatile boolean acknowledging = true;
    private byte[] lastSent;

    PacketChannel(InputStream in, OutputStream out) {
        this.in = new BufferedInputStream(in);
        this.out = out;
    }

    /** The next packet or interrupt; noise between packets and packets with a bad checksum are skipped. */
    Incoming read() throws IOException {
        while (true) {
            switch (readByte()) {
                case 0x03 -> {
                    return new Incoming.Interrupt();
                }
                case '-' -> resendLast();
                case '$' -> {
                    Incoming packet = readBody();
                    if (packet != null) {
                        return packet;
                    }
                }
                default -> {
                    // '+' acks and stray bytes between packets carry nothing to act on
                }
            }
        }
    }

    /** Stops sending and expecting acks ({@code QStartNoAckMode}), after the reply to that request. */
    void stopAcknowledging() {
        acknowledging = false;
    }

    synchronized void send(String payload) throws IOException {
        byte[] body = escape(payload.getBytes(StandardCharsets.ISO_8859_1));
        byte[] frame = new byte[body.length + 4];
        frame[0] = '$';
        System.arraycopy(body, 0, frame, 1, body.length);
        frame[body.length + 1] = '#';
        byte[] checksum = Hex.HEX.toHexDigits((byte) checksum(body, body.length)).getBytes(StandardCharsets.ISO_8859_1);
        frame[body.length + 2] = checksum[0];
        frame[body.length + 3] = checksum[1];
        lastSent = frame;
        out.write(frame);
        out.flush();
    }

    private synchronized void resendLast() throws IOException {
        if (lastSent != null && acknowledging) {
            out.write(lastSent);
            out.flush();
        }
    }

    /** After a '$': the body up to '#' and the checksum; null if the checksum was wrong. */
    private Incoming readBody() throws IOException {
        byte[] body = new byte[MAX_PACKET];
        int length = 0;
        int total = 0;
        int b;
        while ((b = readByte()) != '#') {
            if (b == '$') {
                // a half packet followed by a new one: the client gave up on the first
                length = 0;
                total = 0;
                continue;
            }
            if (length < body.length) {
                body[length++] = (byte) b;
            }
            total++;
        }
        int expected = checksumDigits();
        if (total > length) {
            // the dropped tail makes the checksum unverifiable; take the frame and answer it with an error
            acknowledge('+');
            return new Incoming.Oversized(total);
        }
        if (expected != checksum(body, length)) {
            acknowledge('-');
            return null;
        }
        acknowledge('+');
        return new Incoming.Packet(unescape(body, length));
    }

    private int checksumDigits() throws IOException {
        int high = Character.digit(readByte(), 16);
        int low = Character.digit(readByte(), 16);
        return high < 0 || low < 0 ? -1 : high << 4 | low;
    }

    private void acknowledge(int ack) throws IOException {
        if (acknowledging) {
            synchronized (this) {
                out.write(ack);
                out.flush();
            }
        }
    }

    private int readByte() throws IOException {
        int b = in.read();
        if (b < 0) {
            throw new EOFException("the client closed the connection");
        }
        return b;
    }

    private static int checksum(byte[] bytes, int length) {
        int sum = 0;
        for (int i = 0; i < length; i++) {
            sum += bytes[i] & 0xff;
        }
        return sum & 0xff;
    }

    private static String unescape(byte[] body, int length) {
        StringBuilder payload = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            int b = body[i] & 0xff;
            if (b == ESCAPE && i + 1 < length) {
                b = (body[++i] & 0xff) ^ 0x20;
            }
            payload.append((char) b);
        }
        return payload.toString();
    }

    /** Escapes the bytes that would end or corrupt a frame; '*' too, which GDB reads as run-length encoding. */
    private static byte[] escape(byte[] payload) {
        ByteArrayOutputStream escaped = new ByteArrayOutputStream(payload.length + 8);
        for (byte b : payload) {
            if (b == '$' || b == '#' || b == ESCAPE || b == '*') {
                escaped.write(ESCAPE);
                escaped.write(b ^ 0x20);
            } else {
                escaped.write(b);
            }
        }
        return escaped.toByteArray();
    }
}
