package org.chariot.emulator.guest;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** A host tool run to completion, its standard output and error merged line by line. */
public final class ExternalCommand {

    /** What a finished command printed and how it exited. */
    public record Result(int exitCode, List<String> output) {

        public boolean succeeded() {
            return exitCode == 0;
        }

        /** The last {@code count} lines, for error messages. */
        public List<String> tail(int count) {
            return output.subList(Math.max(0, output.size() - count), output.size());
        }
    }

    private final List<String> command;
    private Path directory;
    private final Map<String, String> environment = new HashMap<>();
    private Consumer<String> lineListener = line -> { };

    public ExternalCommand(List<String> command) {
        this.command = List.copyOf(command);
    }

    public ExternalCommand in(Path dir) {
        this.directory = dir;
        return this;
    }

    public ExternalCommand env(String name, String value) {
        environment.put(name, value);
        return this;
    }

    /** Receives each output line as it is printed (progress for long builds). */
    public ExternalCommand onLine(Consumer<String> listener) {
        this.lineListener = listener;
        return this;
    }

    /**
     * Runs the command and waits for it.
     *
     * @throws GuestToolException if the program cannot be started at all (not installed)
     */
    public Result run() throws GuestToolException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        if (directory != null) {
            builder.directory(directory.toFile());
        }
        builder.environment().putAll(environment);
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new GuestToolException("cannot run " + command.get(0) + ": " + e.getMessage()
                    + ". Run ./chariot setup to install the tools Chariot needs.", e);
        }
        List<String> output = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                output.add(line);
                lineListener.accept(line);
            }
            return new Result(process.waitFor(), output);
        } catch (IOException e) {
            process.destroyForcibly();
            throw new GuestToolException("reading the output of " + command.get(0) + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new GuestToolException(command.get(0) + " was interrupted", e);
        }
    }

    @Override
    public String toString() {
        return String.join(" ", command);
    }
}
