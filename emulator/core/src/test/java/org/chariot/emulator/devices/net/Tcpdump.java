package org.chariot.emulator.devices.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** tcpdump (Debian package tcpdump) as a test oracle for capture files: it decodes and checks every checksum. */
public final class Tcpdump {

    private Tcpdump() {
    }

    /** One line per frame ({@code -nn -e -vv}); fails the test if tcpdump cannot read the file. */
    public static List<String> read(Path capture) throws IOException, InterruptedException {
        Process tcpdump;
        try {
            tcpdump = new ProcessBuilder("tcpdump", "-nn", "-e", "-vv", "-r", capture.toString())
                    .redirectErrorStream(true).start();
        } catch (IOException e) {
            assumeTrue(false, "tcpdump is not installed (apt-get install tcpdump): " + e.getMessage());
            throw e;
        }
        String out = new String(tcpdump.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(tcpdump.waitFor(30, TimeUnit.SECONDS));
        assertEquals(0, tcpdump.exitValue(), out);
        // -vv continues a frame on indented lines: join them so each frame is one line
        return List.of(out.replace("\n    ", " ").replace("\n\t", " ").split("\n")).stream()
                .filter(line -> !line.startsWith("reading from file")).toList();
    }
}
