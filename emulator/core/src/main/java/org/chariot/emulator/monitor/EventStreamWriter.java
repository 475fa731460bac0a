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
    public void granted(String module, Grant grant) {
        stream.write(grantRecord(module, "granted", grant));
    }

    @Override
    public void revoked(String module, Grant grant) {
        stream.write(grantRecord(module, "revoked", grant));
    }

    private JsonObject grantRecord(String module, String event, Grant grant) {
        JsonObject record = EventStream.event("grant", guestNanos.getAsLong()).put("module", module).put("event", event)
                .put("kind", switch (grant.kind()) {
                    case SECTION -> "section";
                    case ALLOCATION -> "allocation";
                    case RULE, RETURNED -> "rule";
                }).put("addr", Violation.hex(grant.start())).put("size", grant.size()).put("origin", grant.origin());
        Frame site = grant.site();
        if (site != null) {
            record.put("pc", Violation.hex(site.pc())).put("function", site.function());
            if (site.hasSource()) {
                record.put("file", site.file()).put("line", site.line());
            }
        }
        return record;
    }

    @Override
    public void violation(Violation violation) {
        stream.write(violation.toEvent(guestNanos.getAsLong()));
    }
}
