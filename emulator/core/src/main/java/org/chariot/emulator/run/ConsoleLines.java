package org.chariot.emulator.run;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/** The guest console's bytes, cut into lines for a line consumer (carriage returns dropped). */
final class ConsoleLines extends OutputStream {

    private final Consumer<String> lines;
    private final ByteArrayOutputStream current = new ByteArrayOutputStream();

    ConsoleLines(Consumer<String> lines) {
        this.lines = lines;
    }

    @Override
    public synchronized void write(int b) {
        if (b == '\n') {
            emit();
        } else if (b != '\r') {
            current.write(b);
        }
    }

    private void emit() {
        lines.accept(current.toString(StandardCharsets.UTF_8));
        current.reset();
    }

    /** Passes on a last line that the guest did not end. */
    @Override
    public synchronized void close() {
        if (current.size() > 0) {
            emit();
        }
    }
}
