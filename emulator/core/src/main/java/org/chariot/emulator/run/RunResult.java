package org.chariot.emulator.run;

import java.util.List;

/** The outcome of a run: its exit status, a one-line explanation, and the console lines that show why. */
public record RunResult(ExitStatus status, String message, List<String> evidence) {

    public boolean succeeded() {
        return status == ExitStatus.OK;
    }
}
