package org.chariot.emulator.gdb;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** A scripted GDB: sends packets with checksums, checks acks, collects console output ({@code O} packets). */
final class RspClient implements AutoCloseable {

    private static final int TIMEOUT_MS = 20_000;

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    final List<String> console = new ArrayList<>();

    RspClient(int port) throws IOException {
        socket = new Socket(InetAddress.getLoopbackAddress(), port);
        socket.setSoTimeout(TIMEOUT_MS);
        in = socket.getInputStream();
        out = socket.getOutputStream();
    }

    /** Sends a packet and returns the reply, skipping console output. */
    String request(String payload) throws IOException {
        send(payload);
        return reply();
    }

    /** Sends a packet and expects its ack. */
    void send(String payload) throws IOException {
        sendRaw(frame(payload));
        int ack = in.read();
        if (ack != '+') {
            throw new IOException("expected '+' for " + payload + ", got " + ack);
        }
    }

    /** The next packet that is not console output, acknowledged. */
    String reply() throws IOException {
        while (true) {
            String packet = readPacket();
            if (packet.startsWith("O") && !packet.equals("OK")) {
                console.add(Hex.decodeText(packet.substring(1)));
            } else {
                return packet;
            }
        }
    }

    String readPacket() throws IOException {
        int b;
        while ((b = in.read()) != '$') {
            if (b < 0) {
                throw new IOException("the stub closed the connection");
            }
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        while ((b = in.read()) != '#') {
            if (b < 0) {
                throw new IOException("the stub closed the connection mid-packet");
            }
            body.write(b);
        }
        int checksum = Integer.parseInt(new String(new byte[] {(byte) in.read(), (byte) in.read()}, StandardCharsets.US_ASCII), 16);
        if (checksum != sum(body.toByteArray())) {
            throw new IOException("bad checksum from the stub");
        }
        out.write('+');
        return unescape(body.toByteArray());
    }

    int readByte() throws IOException {
        return in.read();
    }

    void sendRaw(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
    }

    void interrupt() throws IOException {
        sendRaw(new byte[] {3});
    }

    static byte[] frame(String payload) {
        byte[] body = payload.getBytes(StandardCharsets.ISO_8859_1);
        return ("$" + payload + "#" + String.format("%02x", sum(body))).getBytes(StandardCharsets.ISO_8859_1);
    }

    private static int sum(byte[] bytes) {
        int sum = 0;
        for (byte b : bytes) {
            sum += b & 0xff;
        }
        return sum & 0xff;
    }

    private static String unescape(byte[] body) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < body.length; i++) {
            int b = body[i] & 0xff;
            text.append((char) (b == '}' ? (body[++i] & 0xff) ^ 0x20 : b));
        }
        return text.toString();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
