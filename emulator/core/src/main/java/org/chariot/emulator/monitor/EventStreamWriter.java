package org.chariot.emulator.monitor;

import java.util.List;
import java.util.function.LongSupplier;
import org.chariot.emulator.events.EventStream;
import org.chariot.emulator.events.JsonObject;

/**
 * {@link MonitorEvents} on the event stream: each violation as a {@code violation} record, each
 * load of an isolated module as a {@code module} record with its sections.
 */
public final class EventStreamWriter implements MonitorEvents {

    private final EventStream stream;
    private final LongSupplier guestNanos;

    /** @param guestNanos the guest time for the records' {@code t} */
    public EventStreamWriter(EventStream stream, LongSupplier guestNanos) {
        this.stream = stream;
        this.guestNanos = guestNanos;
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
    }
}
