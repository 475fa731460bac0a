package org.chariot.emulator.run;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.chariot.emulator.guest.GuestKit;
import org.chariot.emulator.guest.GuestToolException;

/** What tests that boot the real guest share: the kit ./chariot test passes, and scratch copies of drivers. */
final class GuestTests {

    private GuestTests() {
    }

    /** The kit given as -Dchariot.kit; without one the calling test is skipped, saying why. */
    static GuestKit kit() throws GuestToolException {
        String kitDirectory = System.getProperty("chariot.kit", "");
        assumeTrue(!kitDirectory.isBlank(), "no guest kit given: ./chariot test builds it and passes -Dchariot.kit");
        return GuestKit.open(Path.of(kitDirectory));
    }

    /** A copy of a driver directory's files under {@code work}, so that Kbuild's outputs land in the test's scratch space. */
    static Path copyOf(Path source, Path work) throws IOException {
        Path target = Files.createDirectories(work.resolve("src-" + source.getFileName()));
        try (Stream<Path> files = Files.list(source)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Files.copy(file, target.resolve(file.getFileName()));
            }
        }
        return target;
    }
}
