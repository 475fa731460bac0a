package org.chariot.emulator.symbols;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.chariot.emulator.guest.GuestKit;
import org.chariot.emulator.guest.GuestToolException;
import org.chariot.emulator.guest.Installation;

/** What the symbolizer's tests take from their surroundings: the guest kit and the example drivers. */
final class TestEnvironment {

    private TestEnvironment() {
    }

    /** The kit that {@code ./chariot test} passes as {@code -Dchariot.kit}; without it the calling tests are skipped. */
    static GuestKit openKit() throws GuestToolException {
        String directory = System.getProperty("chariot.kit", "");
        assumeTrue(!directory.isBlank() && !directory.startsWith("${"),
                "no guest kit given: ./chariot test builds it and passes -Dchariot.kit");
        return GuestKit.open(Path.of(directory));
    }

    /**
     * The checkout's {@code examples/drivers}: from {@code chariot.root}, or found above the working
     * directory when Maven runs this module on its own (then {@code chariot.root} is the module).
     */
    static Path exampleDrivers() {
        Path configured = Installation.fromEnvironment().examples();
        for (Path dir = Path.of("").toAbsolutePath(); dir != null && !Files.isDirectory(configured);
                dir = dir.getParent()) {
            configured = dir.resolve("examples/drivers");
        }
        return configured;
    }
}
