package org.chariot.emulator.monitor;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.chariot.emulator.guest.GuestKit;
import org.chariot.emulator.guest.GuestToolException;
import org.chariot.emulator.guest.Installation;
import org.chariot.emulator.run.BootSpec;
import org.chariot.emulator.run.DriverRun;
import org.chariot.emulator.run.OwnMachine;
import org.chariot.emulator.run.RunListener;
import org.chariot.emulator.run.RunRequest;
import org.chariot.emulator.run.RunResult;
import org.chariot.emulator.run.WorkDirectory;

/**
 * Runs an example driver on our machine with its modules isolated (or not), the way {@code chariot
 * run} does, and keeps the violations and the console.
 */
final class IsolatedRun {

    /** What a run produced; {@code millis} is the machine's run, {@code stopPc} where the hart was at its end. */
    record Outcome(RunResult result, List<Violation> violations, List<String> console, long instructions, long millis,
            long stopPc) {

        boolean consoleHas(String text) {
            return console.stream().anyMatch(line -> line.contains(text));
        }
    }

    private IsolatedRun() {
    }

    /** The kit that {@code ./chariot test} passes as {@code -Dchariot.kit}; without it the calling tests are skipped. */
    static GuestKit kit() throws GuestToolException {
        String directory = System.getProperty("chariot.kit", "");
        assumeTrue(!directory.isBlank() && !directory.startsWith("${"),
                "no guest kit given: ./chariot test builds it and passes -Dchariot.kit");
        return GuestKit.open(Path.of(directory));
    }

    static Path driver(String name) {
        Path configured = Installation.fromEnvironment().examples();
        for (Path dir = Path.of("").toAbsolutePath(); dir != null && !Files.isDirectory(configured);
                dir = dir.getParent()) {
            configured = dir.resolve("examples/drivers");
        }
        return configured.resolve(name);
    }

    /**
     * Runs {@code driver} (a directory of examples/drivers) isolated with {@code policy}, or not
     * isolated if null, with the guest program {@code exercise} (or none if null).
     */
    static Outcome run(GuestKit kit, String driver, Path exercise, Policy policy, List<String> kernelArguments)
            throws IOException {
        return run(kit, driver(driver), exercise, policy, kernelArguments);
    }

    /** Runs {@code driver}, a driver directory or a {@code .ko}, as {@link #run(GuestKit, String, Path, Policy, List)}. */
    static Outcome run(GuestKit kit, Path driver, Path exercise, Policy policy, List<String> kernelArguments)
            throws IOException {
        return run(kit, driver, List.of(), exercise, policy, kernelArguments);
    }

    /** Runs {@code driver} with module {@code parameters} ({@code name=value}), as the other {@code run}s. */
    static Outcome run(GuestKit kit, Path driver, List<String> parameters, Path exercise, Policy policy,
            List<String> kernelArguments) throws IOException {
        return run(kit, driver, parameters, exercise, policy, kernelArguments, false);
    }

    /** As {@link #run(GuestKit, Path, List, Path, Policy, List)}, with the drivers' reads checked too if {@code checkReads}. */
    static Outcome run(GuestKit kit, Path driver, List<String> parameters, Path exercise, Policy policy,
            List<String> kernelArguments, boolean checkReads) throws IOException {
        List<Violation> violations = new ArrayList<>();
        List<String> console = new ArrayList<>();
        long[] bootNanos = new long[2];
        RunListener listener = new RunListener() {
            @Override
            public void stage(String message) {
            }

            @Override
            public void booting(String machine, BootSpec spec) {
                bootNanos[0] = System.nanoTime();
            }

            @Override
            public void finished(RunResult result) {
                bootNanos[1] = System.nanoTime();
            }

            @Override
            public void console(String line) {
                console.add(line);
            }

            @Override
            public void violation(Violation violation) {
                violations.add(violation);
            }
        };
        RunRequest request = new RunRequest(List.of(driver), parameters, exercise, List.of(), kernelArguments,
                128, null, Duration.ofMinutes(6), policy).withReadsChecked(checkReads);
        OwnMachine machine = new OwnMachine();
        RunResult result;
        try (WorkDirectory work = WorkDirectory.create(Path.of(System.getProperty("java.io.tmpdir"), "chariot-isolation"))) {
            result = new DriverRun(kit, machine, work.path(), listener).run(request);
        }
        return new Outcome(result, List.copyOf(violations), List.copyOf(console), machine.instructionsOfLastBoot(),
                (bootNanos[1] - bootNanos[0]) / 1_000_000, machine.pcAtEndOfLastBoot());
    }

}
