package org.chariot.emulator.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A run's scratch directory (its initramfs, the exercise built for the guest): fresh for each run
 * and deleted with its contents when the run is over, so that the cache does not grow with every run.
 */
public final class WorkDirectory implements AutoCloseable {

    private final Path path;

    private WorkDirectory(Path path) {
        this.path = path;
    }

    /** A new directory under {@code parent}, which is created if missing. */
    public static WorkDirectory create(Path parent) throws IOException {
        Files.createDirectories(parent);
        return new WorkDirectory(Files.createTempDirectory(parent, "run-"));
    }

    public Path path() {
        return path;
    }

    @Override
    public void close() throws IOException {
        try (Stream<Path> files = Files.walk(path)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }
}
