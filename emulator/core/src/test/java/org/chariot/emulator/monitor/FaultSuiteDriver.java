package org.chariot.emulator.monitor;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.chariot.emulator.guest.DriverBuild;
import org.chariot.emulator.guest.GuestKit;
import org.chariot.emulator.guest.GuestToolException;

/**
 * A fault-suite driver of the test resources ({@code drivers/NAME}), built with Kbuild in a scratch
 * directory: its module, and the lines of its C source that mark where each bug is.
 */
record FaultSuiteDriver(Path module, Path source) {

    /** Copies {@code drivers/resource} into {@code directory} and builds it; {@code source} is its C file's name. */
    static FaultSuiteDriver build(GuestKit kit, String resource, String source, Path directory)
            throws IOException, GuestToolException {
        try (Stream<Path> files = Files.list(Path.of("src/test/resources/drivers", resource))) {
            for (Path file : files.toList()) {
                Files.copy(file, directory.resolve(file.getFileName()));
            }
        }
        return new FaultSuiteDriver(new DriverBuild(kit).build(directory).getFirst(), directory.resolve(source));
    }

    /** The 1-based number of the source line that holds {@code marker}. */
    int lineMarked(String marker) throws IOException {
        List<String> lines = Files.readAllLines(source);
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(marker)) {
                return i + 1;
            }
        }
        throw new AssertionError("no line of " + source.getFileName() + " holds '" + marker + "'");
    }
}
