package org.chariot.emulator.gdb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Thousands of random, malformed and hostile packets from a seeded generator (so a failure
 * repeats): the stub must answer or drop them, never die, and leave the machine able to run to
 * its power-off. Packets that would change the machine's state on purpose (G, P, M, X with valid
 * arguments, k) are not sent: the point is that nothing else does.
 */
class GdbFuzzTest {

    private static final int PACKETS = 6000;
    private static final long SEED = 0x6462_7374_7562L;

    private static final List<Function<Random, String>> SHAPES = List.of(
            r -> "?", r -> "g", r -> "p" + hex(r, 3), r -> "m" + hex(r, 16) + "," + hex(r, 4),
            r -> "qSupported:" + junk(r, 20), r -> "qXfer:features:read:target.xml:" + hex(r, 3) + "," + hex(r, 3),
            r -> "qXfer:features:read:" + junk(r, 12), r -> "qXfer:libraries:read::0,fff", r -> "qfThreadInfo",
            r -> "vCont?", r -> "vCont;" + junk(r, 4), r -> "Hg" + hex(r, 2), r -> "T" + hex(r, 2), r -> "qAttached",
            r -> "qRcmd," + Hex.text(junk(r, 10)), r -> "qRcmd," + junk(r, 9), r -> "qRcmd," + Hex.text("chariot symbols x"),
            r -> "Z" + r.nextInt(6) + "," + hex(r, 16) + "," + hex(r, 2), r -> "z" + r.nextInt(6) + "," + hex(r, 16) + ",4",
            r -> "Z" + junk(r, 8), r -> "c", r -> "s", r -> "vCont;c", r -> "vCont;s:1;c", r -> "C" + junk(r, 3),
            r -> "M" + notHex(r, 12), r -> "G" + notHex(r, 20), r -> "P" + notHex(r, 5) + "=" + notHex(r, 16),
            r -> "X" + notHex(r, 6) + ":" + junk(r, 5), r -> "", r -> junk(r, 1 + r.nextInt(40)),
            r -> "QStartNoAckMode", r -> "D");

    @TempDir
    Path dir;

    @Test
    void randomAndMalformedPacketsNeitherKillTheStubNorDerailTheMachine() throws Exception {
        TinyMachine machine = TinyMachine.build(dir, GdbServerTest.PROGRAM);
        try (GdbServer server = GdbServer.start(machine, 0, true, Optional.empty())) {
            CompletableFuture<DebugTarget.Ending> run = CompletableFuture.supplyAsync(server::runMachine,
                    runnable -> Thread.ofPlatform().start(runnable));
            Random random = new Random(SEED);
            Connection connection = new Connection(server.port());
            for (int i = 0; i < PACKETS; i++) {
                connection = connection.sendOrReconnect(hostile(random), server.port());
                if (random.nextInt(200) == 0) {
                    connection = connection.dropMidPacket(server.port());
                }
            }
            connection.close();
            try (RspClient gdb = new RspClient(server.port())) {
                assertTrue(gdb.request("?").matches("T[0-9a-f]{2}thread:01;.*"));
                assertEquals(33 * 16, gdb.request("g").length());
                long counter = Hex.parseRegister(gdb.request("m" + Long.toHexString(machine.symbol("counter")) + ",8"));
                assertEquals("OK", gdb.request("M" + Long.toHexString(machine.symbol("limit")) + ",8:" + Hex.register(counter + 5)));
                assertEquals("W00", gdb.request("c"), "the program runs on to its power-off");
            }
            assertEquals(0, run.get(30, TimeUnit.SECONDS).exitCode());
        }
    }

    /** A frame around a random packet, often spoiled: bad checksum, cut short, noise, interrupts, acks. */
    private static byte[] hostile(Random random) {
        String payload = SHAPES.get(random.nextInt(SHAPES.size())).apply(random);
        byte[] frame = RspClient.frame(payload);
        return switch (random.nextInt(10)) {
            case 0 -> withBadChecksum(frame);
            case 1 -> Arrays.copyOf(frame, random.nextInt(frame.length + 1));
            case 2 -> junk(random, 1 + random.nextInt(64)).getBytes(StandardCharsets.ISO_8859_1);
            case 3 -> new byte[] {3};
            case 4 -> new byte[] {(byte) (random.nextBoolean() ? '-' : '+')};
            case 5 -> random.nextInt(20) == 0 ? RspClient.frame("m0," + "0".repeat(PacketChannel.MAX_PACKET)) : frame;
            default -> frame;
        };
    }

    private static byte[] withBadChecksum(byte[] frame) {
        byte[] spoiled = frame.clone();
        spoiled[spoiled.length - 1] = (byte) (spoiled[spoiled.length - 1] == '0' ? '1' : '0');
        return spoiled;
    }

    private static String hex(Random random, int maxDigits) {
        return String.format("%016x", random.nextLong()).substring(0, 1 + random.nextInt(Math.min(maxDigits, 16)));
    }

    private static String notHex(Random random, int length) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < length; i++) {
            text.append((char) ('g' + random.nextInt(20)));
        }
        return text.toString();
    }

    private static String junk(Random random, int length) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < length; i++) {
            text.append((char) random.nextInt(256));
        }
        return text.toString();
    }

    /** A raw connection whose replies are read and dropped by a drain thread. */
    private static final class Connection implements AutoCloseable {
        private final Socket socket;
        private final OutputStream out;

        Connection(int port) throws IOException {
            socket = new Socket(InetAddress.getLoopbackAddress(), port);
            out = socket.getOutputStream();
            InputStream in = socket.getInputStream();
            Thread.ofVirtual().start(() -> drain(in));
        }

        private static void drain(InputStream in) {
            byte[] buffer = new byte[4096];
            try {
                while (in.read(buffer) >= 0) {
                    // replies are not checked here; the final session checks the stub answers properly
                }
            } catch (IOException closed) {
                // the connection was closed by the test or by the stub after a detach
            }
        }

        Connection sendOrReconnect(byte[] bytes, int port) throws IOException {
            try {
                out.write(bytes);
                out.flush();
                return this;
            } catch (IOException detachedOrDropped) {
                close();
                return new Connection(port);
            }
        }

        Connection dropMidPacket(int port) throws IOException {
            sendOrReconnect("$m4000".getBytes(StandardCharsets.ISO_8859_1), port);
            close();
            return new Connection(port);
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }
}
