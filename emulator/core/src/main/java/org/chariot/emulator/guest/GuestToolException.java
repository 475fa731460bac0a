package org.chariot.emulator.guest;

import java.util.List;

/**
 * A step on the host that prepares the guest failed: a missing tool, a driver that does not
 * compile, a kit that cannot be built. The message says what to do next; {@link #details()} holds
 * the tool's own output worth showing (compiler errors with file:line).
 */
public class GuestToolException extends Exception {

    private final List<String> details;

    public GuestToolException(String message, List<String> details) {
        super(message);
        this.details = List.copyOf(details);
    }

    public GuestToolException(String message, Throwable cause) {
        super(message, cause);
        this.details = List.of();
    }

    public GuestToolException(String message) {
        this(message, List.of());
    }

    public List<String> details() {
        return details;
    }
}
