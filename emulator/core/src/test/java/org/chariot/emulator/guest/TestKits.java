package org.chariot.emulator.guest;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;

/** The guest kit of the tests that need one: {@code ./chariot test} builds it and passes {@code -Dchariot.kit}. */
public final class TestKits {

    private TestKits() {
    }

    /** The kit given to the tests; without one the calling test is skipped, saying why. */
    public static GuestKit given() throws GuestToolException {
        String directory = System.getProperty("chariot.kit", "");
        assumeTrue(!directory.isBlank() && !directory.startsWith("${"),
                "no guest kit given: ./chariot test builds it and passes -Dchariot.kit");
        return GuestKit.open(Path.of(directory));
    }
}
