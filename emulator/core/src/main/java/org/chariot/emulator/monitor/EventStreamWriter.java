package org.chariot.emulator.monitor;

import java.util.List;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import org.chariot.emulator.events.EventStream;
import org.chariot.emulator.events.JsonObject;

/**
 * {@link MonitorEvents} for a run: each violation as a {@code violation} record on the event
 * stream and as a KASAN-style report on the console; each load of an isolated module as a {@code
 * module} record with its sections.
 */
public final class EventStreamWriter implements MonitorEvents {

    private final EventStream stream;
    private final LongSupplier guestNanos;
    private final Consumer<String> console;

    /**
     * @param guestNanos the guest time for the records' {@code t}
     * @param console where the text reports go (each ends with a newline)
     */
    public EventStreamWriter(EventStream stream, LongSupplier guestNanos, Consumer<String> console) {
        this.stream = stream;
        this.guestNanos = guestNanos;
        this.console = console;
    }

    @Override
    public void moduleLoaded(String name, List<ModuleSection> sections) {
        stream.write(EventStream.event("module", guestNanos.getAsLong()).put("name", name).put("event", "loaded")
                .putObjects("sections", sections.stream().map(EventStreamWriter::section).toList()));
    }

    private static JsonObject section(ModuleSection section) {
        return new JsonObject().put("name", section.name()).put("addr", Violation.hex(section.address()))
                .put("size", section.size());
    }

    @Override
    public void moduleUnloaded(String name) {
        stream.write(EventStream.event("module", guestNanos.getAsLong()).put("name", name).put("event", "unloaded"));
    }

    @Override
    public void violation(Violation violation) {
        stream.write(violation.toEvent(guestNanos.getAsLong()));
        console.accept(ViolationReport.format(violation));
    }
}
