package org.chariot.emulator.run;

import java.util.ArrayList;
import java.util.List;
import org.chariot.emulator.monitor.Violation;

/** Keeps what a run showed for a program to look at afterwards: the guest console and the violations. */
public final class RunRecording implements RunListener {

    private final List<String> console = new ArrayList<>();
    private final List<Violation> violations = new ArrayList<>();

    @Override
    public void stage(String message) {
    }

    @Override
    public synchronized void console(String line) {
        console.add(line);
    }

    @Override
    public synchronized void violation(Violation violation) {
        violations.add(violation);
    }

    public synchronized List<String> console() {
        return List.copyOf(console);
    }

    public synchronized List<Violation> violations() {
        return List.copyOf(violations);
    }
}
