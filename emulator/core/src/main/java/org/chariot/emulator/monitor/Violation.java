package org.chariot.emulator.monitor;

import java.util.List;
import org.chariot.emulator.events.EventStream;
import org.chariot.emulator.events.JsonObject;

/**
 * One illegal write by an isolated driver, with what a developer needs to fix it; the fields of
 * the event stream's {@code violation} record (ARCHITECTURE.md, "Event stream").
 *
 * @param value the bytes written, in memory order
 * @param old the bytes that were there before
 * @param target the nearest object the driver owns, or the kernel symbol with offset
 * @param alloc the nearest object the driver allocated, or null
 * @param source the faulting line in the driver (for a helper's write, the driver's call), or null
 */
public record Violation(long id, String module, long pc, String insn, long addr, int size, byte[] value, byte[] old,
        ViolationKind kind, String target, Grant alloc, List<Frame> stack, Frame source, String verdict) {

    public Violation {
        stack = List.copyOf(stack);
    }

    /** The event-stream record of this violation at guest time {@code nanos}. */
    public JsonObject toEvent(long nanos) {
        JsonObject event = EventStream.event("violation", nanos).put("id", id).put("module", module)
                .put("pc", hex(pc)).put("insn", insn).put("addr", hex(addr)).put("size", size)
                .put("value", bytes(value)).put("old", bytes(old)).put("kind", kind.jsonName()).put("target", target);
        if (alloc == null) {
            event.put("alloc", (String) null);
        } else {
            event.put("alloc", allocJson());
        }
        event.putObjects("stack", stack.stream().map(Frame::toJson).toList());
        if (source != null && source.hasSource()) {
            event.put("source", new JsonObject().put("file", source.file()).put("line", source.line())
                    .put("function", source.function()));
        }
        return event.put("verdict", verdict);
    }

    private JsonObject allocJson() {
        JsonObject json = new JsonObject().put("addr", hex(alloc.start())).put("size", alloc.size());
        Frame site = alloc.site();
        if (site != null) {
            json.put("pc", hex(site.pc())).put("function", site.function());
            if (site.hasSource()) {
                json.put("file", site.file()).put("line", site.line());
            }
        }
        return json;
    }

    static String hex(long address) {
        return "0x" + Long.toHexString(address);
    }

    /** Bytes in memory order as {@code 0x...}. */
    static String bytes(byte[] data) {
        StringBuilder text = new StringBuilder("0x");
        for (byte b : data) {
            text.append(String.format("%02x", b & 0xff));
        }
        return text.toString();
    }
}
