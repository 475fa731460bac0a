package org.chariot.emulator.isa;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A host tool run to completion (or killed at a deadline), with its combined output kept. */
record HostCommand(int exitCode, boolean timedOut, String output) {

    /** Runs {@code command}; its output goes through a file so that a chatty tool can never block. */
    static HostCommand run(List<String> command, Duration timeout) throws IOException, InterruptedException {
        Path log = Files.createTempFile("chariot-isa", ".log");
        try {
            Process process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .start();
            boolean finished = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (!finished) {
                process.destroyForcibly().waitFor();
            }
            String output = Files.readString(log, StandardCharsets.UTF_8);
            return new HostCommand(finished ? process.exitValue() : -1, !finished, output);
        } finally {
            Files.deleteIfExists(log);
        }
    }

    /** Whether {@code tool} can be started from the PATH. */
    static boolean available(String tool) {
        try {
            return run(List.of(tool, "--version"), Duration.ofSeconds(30)).exitCode() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
