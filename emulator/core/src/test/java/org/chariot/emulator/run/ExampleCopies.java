package org.chariot.emulator.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** Copies of the examples' directories for a test to build in, so the checkout stays clean. */
final class ExampleCopies {

    private ExampleCopies() {
    }

    /** Copies the files of {@code source} into a new directory under {@code work}; returns it. */
    static Path copy(Path source, Path work) throws IOException {
        Path target = Files.createDirectories(work.resolve("src-" + source.getFileName()));
        try (Stream<Path> files = Files.list(source)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Files.copy(file, target.resolve(file.getFileName()));
            }
        }
        return target;
    }
}
