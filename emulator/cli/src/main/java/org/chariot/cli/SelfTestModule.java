package org.chariot.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.chariot.emulator.guest.GuestKit;
import org.chariot.emulator.guest.GuestToolException;
import org.chariot.emulator.guest.Installation;

/**
 * One of the kernel's own self-test modules ({@code lib/test_*.c} of the kit's Linux source) as an
 * out-of-tree driver directory: the source copied beside a one-line Kbuild Makefile, under the
 * cache, per kit. Its init runs the tests and fails the load if one fails.
 */
final class SelfTestModule {

    private SelfTestModule() {
    }

    /** The driver directory for {@code name} (e.g. {@code test_xarray}), written when missing or stale. */
    static Path directory(Installation installation, GuestKit kit, String name) throws GuestToolException {
        Path source = kit.kernelSource().resolve("lib").resolve(name + ".c");
        if (!Files.isRegularFile(source)) {
            throw new GuestToolException("the kernel source has no self-test " + source + ": name one of lib/test_*.c");
        }
        Path directory = installation.cache().resolve("bench").resolve(kit.key()).resolve(name);
        try {
            Files.createDirectories(directory);
            writeIfChanged(directory.resolve(name + ".c"), Files.readAllBytes(source));
            writeIfChanged(directory.resolve("Makefile"), ("obj-m += " + name + ".o\n").getBytes());
        } catch (IOException e) {
            throw new GuestToolException("cannot prepare " + directory + ": " + e.getMessage(), e);
        }
        return directory;
    }

    /** Leaves an unchanged file alone, so that Kbuild finds nothing to rebuild. */
    private static void writeIfChanged(Path file, byte[] content) throws IOException {
        if (!Files.isRegularFile(file) || !Arrays.equals(Files.readAllBytes(file), content)) {
            Files.write(file, content);
        }
    }
}
