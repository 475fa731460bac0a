package org.chariot.emulator.monitor;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;
import java.util.Properties;

/** The kit's {@code offsets.properties}: struct offsets and sizes derived from the kernel's DWARF. */
final class KitOffsets {

    private final Path file;
    private final Properties values;

    private KitOffsets(Path file, Properties values) {
        this.file = file;
        this.values = values;
    }

    static KitOffsets load(Path file) throws IOException {
        Properties values = new Properties();
        try (Reader reader = Files.newBufferedReader(file)) {
            values.load(reader);
        }
        return new KitOffsets(file, values);
    }

    Path file() {
        return file;
    }

    /** The value of {@code key} (decimal, or hex with 0x), or empty if the kit has none. */
    OptionalLong get(String key) {
        String value = values.getProperty(key);
        if (value == null) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(value.startsWith("0x") ? Long.parseLong(value.substring(2), 16) : Long.parseLong(value));
    }

    /** Whether the kit has {@code key}: a kernel without a subsystem has none of its structs. */
    boolean has(String key) {
        return values.containsKey(key);
    }

    /** The value of {@code key}; {@code neededBy} names what needs it when the kit lacks it. */
    long require(String key, String neededBy) {
        return get(key).orElseThrow(() -> new IllegalArgumentException(file + " has no '" + key + "' (needed by "
                + neededBy + "): rebuild the guest kit with ./chariot setup"));
    }
}
