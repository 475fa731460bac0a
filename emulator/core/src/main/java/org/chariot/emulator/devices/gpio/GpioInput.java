package org.chariot.emulator.devices.gpio;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What drives one GPIO line from outside the controller: a fixed level, or the output of another
 * line wired to it (a jumper, as on a test board). A line nothing drives reads its pull-up.
 *
 * @param fromLine the line whose output drives this one, or -1 for a fixed level
 * @param high the fixed level (ignored when wired)
 */
public record GpioInput(int line, int fromLine, boolean high) {

    /** The form {@link #parse} reads, for messages. */
    public static final String FORMS = "LINE=high, LINE=low or LINE=lineN (driven by line N's output)";
    private static final Pattern FORM = Pattern.compile("(\\d+)=(?:(high|1)|(low|0)|line(\\d+))");

    public GpioInput {
        if (line < 0 || line >= SifiveGpio.LINES || fromLine >= SifiveGpio.LINES) {
            throw new IllegalArgumentException("the GPIO lines are 0.." + (SifiveGpio.LINES - 1));
        }
        if (fromLine == line) {
            throw new IllegalArgumentException("a GPIO line cannot be wired to its own output");
        }
    }

    /** Reads {@code LINE=high|low|1|0|lineN}; a bad one is an IllegalArgumentException saying what is allowed. */
    public static GpioInput parse(String text) {
        Matcher m = FORM.matcher(text.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a GPIO input: give " + FORMS);
        }
        int line = Integer.parseInt(m.group(1));
        try {
            return m.group(4) != null ? new GpioInput(line, Integer.parseInt(m.group(4)), false)
                    : new GpioInput(line, -1, m.group(2) != null);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + text + "': " + e.getMessage());
        }
    }

    public boolean wired() {
        return fromLine >= 0;
    }

    @Override
    public String toString() {
        return line + "=" + (wired() ? "line" + fromLine : high ? "high" : "low");
    }
}
