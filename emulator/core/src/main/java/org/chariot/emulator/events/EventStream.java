package org.chariot.emulator.events;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The durable record of a run: JSON Lines, one event a line, flushed as each is written so a reader
 * (the IDE) sees it at once and a killed run loses nothing already reported. Each event has
 * {@code type} and {@code t}, the guest time in nanoseconds. The contract: ARCHITECTURE.md, "Event stream".
 */
public final class EventStream implements Closeable {

    private final BufferedWriter writer;

    private EventStream(BufferedWriter writer) {
        this.writer = writer;
    }

    public static EventStream create(Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        return new EventStream(Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE));
    }

    /** Starts an event of {@code type} at guest time {@code nanos}; the caller adds fields and passes it to {@link #write}. */
    public static JsonObject event(String type, long nanos) {
        return new JsonObject().put("type", type).put("t", nanos);
    }

    public synchronized void write(JsonObject event) {
        try {
            writer.write(event.toJson());
            writer.newLine();
            writer.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("writing the event stream failed", e);
        }
    }

    @Override
    public synchronized void close() throws IOException {
        writer.close();
    }
}
