package org.chariot.emulator.run;

import java.util.ArrayList;
import java.util.List;

/** A run listener for tests: keeps the stages and the console lines. */
public final class ConsoleRecorder implements RunListener {

    private final List<String> stages = new ArrayList<>();
    private final List<String> console = new ArrayList<>();

    @Override
    public void stage(String message) {
        stages.add(message);
    }

    @Override
    public void console(String line) {
        console.add(line);
    }

    public List<String> stages() {
        return stages;
    }

    public List<String> console() {
        return console;
    }

    public boolean printed(String text) {
        return console.stream().anyMatch(line -> line.contains(text));
    }
}
