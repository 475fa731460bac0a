package org.chariot.emulator.monitor;

import org.chariot.emulator.events.JsonObject;

/**
 * A code location in a report: an address with its function and, for driver code, its source
 * line ({@code file} null and {@code line} 0 when unknown, e.g. in the kernel).
 */
public record Frame(long pc, String function, String file, int line) {

    public boolean hasSource() {
        return file != null && line > 0;
    }

    JsonObject toJson() {
        JsonObject json = new JsonObject().put("pc", Violation.hex(pc)).put("function", function).put("file", file);
        return hasSource() ? json.put("line", line) : json.put("line", (String) null);
    }

    @Override
    public String toString() {
        return function + (hasSource() ? " at " + file + ":" + line : "") + " (0x" + Long.toHexString(pc) + ")";
    }
}
