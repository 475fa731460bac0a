package org.chariot.emulator.guest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;

/**
 * A make-style list of what an output was built from: gcc's {@code -MD} file, or the dependency part
 * of a Kbuild {@code .cmd} record. An output is current when it exists and none of its inputs is
 * newer, as make decides.
 */
final class DependencyList {

    private DependencyList() {
    }

    /** The absolute file names the list in {@code file} names, the command line Kbuild records left out. */
    static List<Path> inputs(Path file) throws IOException {
        List<Path> inputs = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (line.startsWith("cmd_")) {
                continue;
            }
            for (String token : line.split("\\s+")) {
                if (token.startsWith("/") && !token.endsWith(":")) {
                    inputs.add(Path.of(token));
                }
            }
        }
        return inputs;
    }

    /** True if {@code output} exists and no input is missing or newer than it. */
    static boolean current(Path output, List<Path> inputs) {
        if (!Files.isRegularFile(output)) {
            return false;
        }
        FileTime built = modified(output);
        return inputs.stream().allMatch(input -> Files.exists(input) && modified(input).compareTo(built) <= 0);
    }

    /** A file that cannot be read counts as changed. */
    static FileTime modified(Path file) {
        try {
            return Files.getLastModifiedTime(file);
        } catch (IOException e) {
            return FileTime.fromMillis(Long.MAX_VALUE);
        }
    }
}
