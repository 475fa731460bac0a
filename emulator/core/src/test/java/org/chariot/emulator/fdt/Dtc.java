package org.chariot.emulator.fdt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** The reference device-tree compiler, dtc (Debian package device-tree-compiler), as a test oracle. */
public final class Dtc {

    private Dtc() {
    }

    /** Decompiles a blob to source; fails the test if dtc rejects it or warns about it. */
    public static String decompile(byte[] blob, Path dir) throws IOException, InterruptedException {
        Path dtb = Files.write(dir.resolve("tree.dtb"), blob);
        Path warnings = dir.resolve("dtc.err");
        Process dtc;
        try {
            dtc = new ProcessBuilder("dtc", "-I", "dtb", "-O", "dts", dtb.toString())
                    .redirectError(warnings.toFile()).start();
        } catch (IOException e) {
            assumeTrue(false, "dtc is not installed (apt-get install device-tree-compiler): " + e.getMessage());
            throw e;
        }
        String out = new String(dtc.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(dtc.waitFor(30, TimeUnit.SECONDS));
        String complaints = Files.readString(warnings);
        assertEquals(0, dtc.exitValue(), complaints);
        assertEquals("", complaints, "dtc warnings");
        return out;
    }
}
