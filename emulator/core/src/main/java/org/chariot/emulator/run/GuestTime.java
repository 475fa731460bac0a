package org.chariot.emulator.run;

import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Guest time as the kernel's printk timestamps tell it: {@code [    1.234567] ...}. */
public final class GuestTime {

    private static final Pattern PRINTK_TIME = Pattern.compile("^\\[\\s*(\\d+)\\.(\\d{6})\\]");

    private GuestTime() {
    }

    /** The guest time in nanoseconds at which the kernel printed {@code line}, if it carries a timestamp. */
    public static OptionalLong of(String line) {
        Matcher time = PRINTK_TIME.matcher(line);
        if (!time.find()) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(Long.parseLong(time.group(1)) * 1_000_000_000L + Long.parseLong(time.group(2)) * 1_000L);
    }
}
