package org.chariot.cli;

import java.io.IOException;
import java.util.List;
import org.chariot.emulator.guest.BuildFailedException;
import org.chariot.emulator.guest.GuestToolException;
import org.chariot.emulator.run.ExitStatus;

/** How a command that builds and boots reports what stopped it before the guest could say anything. */
final class Failures {

    private Failures() {
    }

    /** Reports {@code failure} on {@code reporter}; returns the exit status it stands for. */
    static int report(Reporter reporter, Exception failure) {
        if (failure instanceof GuestToolException tool) {
            reporter.error(tool.getMessage(), tool.details());
            return tool instanceof BuildFailedException ? ExitStatus.BUILD_FAILED.code() : ExitStatus.USAGE.code();
        }
        if (failure instanceof IOException) {
            reporter.error("cannot write the run's files: " + failure.getMessage(), List.of());
            return ExitStatus.USAGE.code();
        }
        throw new IllegalArgumentException("not a set-up failure: " + failure, failure);
    }
}
