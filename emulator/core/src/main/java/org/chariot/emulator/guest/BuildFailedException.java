package org.chariot.emulator.guest;

import java.util.List;

/** The driver or a guest program did not compile; {@link #details()} holds the compiler's messages. */
public final class BuildFailedException extends GuestToolException {

    public BuildFailedException(String message, List<String> compilerOutput) {
        super(message, compilerOutput);
    }
}
