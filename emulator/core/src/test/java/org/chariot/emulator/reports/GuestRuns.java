package org.chariot.emulator.reports;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.chariot.emulator.guest.GuestKit;
import org.chariot.emulator.guest.GuestToolException;
import org.chariot.emulator.guest.Installation;
import org.chariot.emulator.monitor.Policy;
import org.chariot.emulator.run.DriverRun;
import org.chariot.emulator.run.OwnMachine;
import org.chariot.emulator.run.RunListener;
import org.chariot.emulator.run.RunRequest;
import org.chariot.emulator.run.RunResult;

/** Real runs of the example drivers on our machine, isolated under block, for the report, coverage and KUnit tests. */
public final class GuestRuns {

    private GuestRuns() {
    }

    /** The kit that {@code ./chariot test} passes as {@code -Dchariot.kit}; without it the calling tests are skipped. */
    public static GuestKit kit() throws GuestToolException {
        String directory = System.getProperty("chariot.kit", "");
        assumeTrue(!directory.isBlank() && !directory.startsWith("${"),
                "no guest kit given: ./chariot test builds it and passes -Dchariot.kit");
        return GuestKit.open(Path.of(directory));
    }

    /** A copy of the example driver directory {@code name} under {@code work}, so Kbuild's outputs stay there. */
    public static Path example(String name, Path work) throws IOException {
        return copy(Installation.fromEnvironment().examples().resolve(name), work);
    }

    /** A copy of the driver directory {@code source} under {@code work}. */
    public static Path copy(Path source, Path work) throws IOException {
        Path copy = Files.createDirectories(work.resolve(source.getFileName()));
        try (Stream<Path> files = Files.list(source)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Files.copy(file, copy.resolve(file.getFileName()));
            }
        }
        return copy;
    }

    /** Runs {@code drivers} isolated under block with the guest program {@code exercise} (or none). */
    static RunResult run(GuestKit kit, List<Path> drivers, Path exercise, Path work, RunListener listener) {
        RunRequest request = new RunRequest(drivers, List.of(), exercise, List.of(), List.of(), 128, null,
                Duration.ofMinutes(3), Policy.BLOCK);
        return new DriverRun(kit, new OwnMachine(), work, listener).run(request);
    }
}
