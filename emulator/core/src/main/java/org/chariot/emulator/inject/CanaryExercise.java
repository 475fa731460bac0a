package org.chariot.emulator.inject;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import org.chariot.emulator.guest.BuildFailedException;
import org.chariot.emulator.guest.ExternalCommand;
import org.chariot.emulator.guest.GuestKit;
import org.chariot.emulator.guest.GuestToolException;

/** Builds the campaign's guest program: the driver's exercise wrapped by the kernel-health canary ({@code canary.c}). */
final class CanaryExercise {

    private CanaryExercise() {
    }

    /** A guest binary in {@code outputDir} running {@code exercise} (a C file, or null for none) then the canary. */
    static Path build(GuestKit kit, Path exercise, Path outputDir) throws GuestToolException {
        Path canary = outputDir.resolve("canary.c");
        Path binary = outputDir.resolve("exercise-with-canary");
        try (InputStream source = CanaryExercise.class.getResourceAsStream("canary.c")) {
            Files.copy(source, canary, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new GuestToolException("cannot write the canary program to " + outputDir + ": " + e.getMessage(), e);
        }
        List<String> command = new ArrayList<>(List.of(kit.guestCc().toString(), "-o", binary.toString()));
        if (exercise != null) {
            if (!exercise.getFileName().toString().endsWith(".c")) {
                throw new GuestToolException("the campaign needs the exercise as C source (it wraps it with a "
                        + "kernel-health canary); give the .c file of " + exercise);
            }
            command.add("-DCHARIOT_EXERCISE=\"" + exercise.toAbsolutePath() + "\"");
        }
        command.add(canary.toString());
        ExternalCommand.Result result = new ExternalCommand(command).run();
        if (!result.succeeded()) {
            throw new BuildFailedException("the exercise " + exercise + " did not compile with the canary; the "
                    + "compiler's messages:", result.output());
        }
        return binary;
    }
}
