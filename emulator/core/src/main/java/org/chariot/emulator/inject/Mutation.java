package org.chariot.emulator.inject;

import java.util.ArrayList;
import java.util.List;
import org.chariot.emulator.events.JsonObject;
import org.chariot.emulator.monitor.Frame;
import org.chariot.emulator.monitor.Violation;

/**
 * One fault injected into a driver's source: line {@code line} (1-based) of {@code file} becomes
 * {@code mutated}. The line count never changes, so a mutant's DWARF lines are the original's.
 *
 * @param file the C file's name in the driver directory
 * @param original the line as the driver has it
 */
public record Mutation(String file, int line, MutationKind kind, String original, String mutated) {

    /** The file's lines with this mutation applied. */
    public List<String> applyTo(List<String> lines) {
        if (!lines.get(line - 1).equals(original)) {
            throw new IllegalArgumentException(file + ":" + line + " is not the line this mutation was made for");
        }
        List<String> result = new ArrayList<>(lines);
        result.set(line - 1, mutated);
        return result;
    }

    /** {@code file:line}, as violation reports name a line. */
    public String location() {
        return file + ":" + line;
    }

    /** What changed, for a table: {@code original → mutated}, trimmed. */
    public String change() {
        return original.strip() + "  →  " + mutated.strip();
    }

    /**
     * Whether {@code violation} points at this mutation: its store is on the mutated line, or the
     * object it overran was allocated there (a shortened allocation is overrun at another line).
     */
    public boolean pointedAtBy(Violation violation) {
        return isThisLine(violation.source())
                || (violation.alloc() != null && isThisLine(violation.alloc().site()));
    }

    private boolean isThisLine(Frame frame) {
        return frame != null && frame.hasSource() && frame.line() == line
                && (frame.file().equals(file) || frame.file().endsWith("/" + file));
    }

    JsonObject toJson() {
        return new JsonObject().put("file", file).put("line", line).put("kind", kind.label())
                .put("original", original.strip()).put("mutated", mutated.strip());
    }
}
