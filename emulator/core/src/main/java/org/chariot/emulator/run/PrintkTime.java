package org.chariot.emulator.run;

import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The guest kernel's clock as its console shows it: the {@code [ seconds.micros]} stamp printk puts on a line. */
public final class PrintkTime {

    private static final Pattern STAMP = Pattern.compile("^\\[\\s*(\\d+)\\.(\\d{6})\\]");

    private PrintkTime() {
    }

    /** The kernel time of {@code line} in nanoseconds, or empty if the line has no printk stamp. */
    public static OptionalLong of(String line) {
        Matcher time = STAMP.matcher(line);
        if (!time.find()) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(Long.parseLong(time.group(1)) * 1_000_000_000L + Long.parseLong(time.group(2)) * 1_000L);
    }
}
