package org.chariot.emulator.guest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where Chariot's checkout and its cache are. The launcher exports {@code CHARIOT_ROOT} and
 * {@code CHARIOT_CACHE}; tests pass the same as system properties.
 */
public record Installation(Path root, Path cache) {

    public static Installation fromEnvironment() {
        Path root = Path.of(setting("chariot.root", "CHARIOT_ROOT", "."));
        String home = System.getProperty("user.home");
        Path cache = Path.of(setting("chariot.cache", "CHARIOT_CACHE", home + "/.cache/chariot"));
        return new Installation(root.toAbsolutePath().normalize(), cache.toAbsolutePath().normalize());
    }

    private static String setting(String property, String variable, String fallback) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            value = System.getenv(variable);
        }
        return value == null || value.isBlank() ? fallback : value;
    }

    /** The guest kit's build inputs (config fragment, init, build script). */
    public Path guestInputs() {
        return root.resolve("emulator/guest");
    }

    public Path examples() {
        return root.resolve("examples/drivers");
    }

    /** Scratch space for one run's initramfs and programs. */
    public Path runsDirectory() throws IOException {
        return Files.createDirectories(cache.resolve("runs"));
    }
}
