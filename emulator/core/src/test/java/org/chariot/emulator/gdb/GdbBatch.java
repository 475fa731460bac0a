package org.chariot.emulator.gdb;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Real gdb-multiarch in batch mode: runs a list of commands and returns what it printed. */
final class GdbBatch {

    static final String GDB = "gdb-multiarch";

    private GdbBatch() {
    }

    static boolean installed() {
        try {
            Process process = new ProcessBuilder(GDB, "--version").redirectErrorStream(true).start();
            process.getInputStream().readAllBytes();
            return process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Runs {@code commands} (each an {@code -ex}); fails if gdb takes longer than {@code seconds}. */
    static String run(int seconds, List<String> commands) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(GDB, "-batch", "-nx", "-ex", "set pagination off",
                "-ex", "set confirm off", "-ex", "set width 0"));
        for (String line : commands) {
            command.add("-ex");
            command.add(line);
        }
        Path log = Files.createTempFile("gdb", ".log");
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            boolean finished = process.waitFor(seconds, TimeUnit.SECONDS);
            if (!finished) {
                process.destroyForcibly().waitFor();
            }
            String output = Files.readString(log, StandardCharsets.UTF_8);
            if (!finished) {
                throw new IOException("gdb did not finish within " + seconds + " s:\n" + output);
            }
            return output;
        } finally {
            Files.delete(log);
        }
    }
}
