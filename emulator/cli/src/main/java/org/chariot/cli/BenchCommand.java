package org.chariot.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.chariot.emulator.guest.GuestKit;
import org.chariot.emulator.guest.GuestToolException;
import org.chariot.emulator.run.BootSpec;
import org.chariot.emulator.run.DriverRun;
import org.chariot.emulator.run.ExitStatus;
import org.chariot.emulator.run.GuestExit;
import org.chariot.emulator.run.GuestMachine;
import org.chariot.emulator.run.GuestOutput;
import org.chariot.emulator.run.OwnMachine;
import org.chariot.emulator.run.QemuMachine;
import org.chariot.emulator.run.RunListener;
import org.chariot.emulator.run.RunRequest;
import org.chariot.emulator.run.RunResult;
import org.chariot.emulator.run.WorkDirectory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code chariot bench}: the same guest run on our machine and on QEMU, side by side. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Runs the character-device example with its exercise on our machine and on QEMU, alternating, "
            + "and prints the wall time of each boot-to-power-off, our guest instruction rate, and the ratio.")
final class BenchCommand implements Callable<Integer> {

    @Option(names = "--runs", defaultValue = "5", description = "Runs per machine (default: ${DEFAULT-VALUE}).")
    int runs;

    /** Times each boot of the machine it wraps. */
    private static final class Timed implements GuestMachine {
        private final GuestMachine machine;
        private final List<Double> seconds = new ArrayList<>();
        private final List<Long> instructions = new ArrayList<>();

        Timed(GuestMachine machine) {
            this.machine = machine;
        }

        @Override
        public String name() {
            return machine.name();
        }

        @Override
        public GuestExit boot(BootSpec spec, GuestOutput console) {
            long start = System.nanoTime();
            GuestExit exit = machine.boot(spec, console);
            seconds.add((System.nanoTime() - start) / 1e9);
            if (machine instanceof OwnMachine own) {
                instructions.add(own.instructionsOfLastBoot());
            }
            return exit;
        }

        double median(List<? extends Number> values) {
            List<Double> sorted = values.stream().map(Number::doubleValue).sorted().toList();
            return sorted.get(sorted.size() / 2);
        }
    }

    @Override
    public Integer call() {
        Reporter reporter = Reporter.standard();
        HostSetup setup = new HostSetup(reporter);
        try {
            GuestKit kit = setup.ensure(HostSetup.runPackages());
            Path example = setup.installation().examples().resolve("chardev");
            RunRequest request = new RunRequest(List.of(example), List.of(), example.resolve("exercise.c"), List.of(),
                    List.of(), 128, Duration.ofSeconds(300));
            Timed ours = new Timed(new OwnMachine());
            Timed qemu = new Timed(new QemuMachine());
            RunListener quiet = new RunListener() {
                @Override
                public void stage(String message) {
                }

                @Override
                public void console(String line) {
                }
            };
            for (int i = 0; i < runs; i++) {
                for (Timed machine : List.of(ours, qemu)) {
                    RunResult result;
                    try (WorkDirectory work = WorkDirectory.create(setup.installation().runsDirectory())) {
                        result = new DriverRun(kit, machine, work.path(), quiet).run(request);
                    }
                    if (!result.succeeded()) {
                        reporter.error(machine.name() + ": " + result.message(), result.evidence());
                        return result.status().code();
                    }
                }
                reporter.stage("bench: run " + (i + 1) + " of " + runs + " done");
            }
            double oursSeconds = ours.median(ours.seconds);
            double qemuSeconds = qemu.median(qemu.seconds);
            double instructions = ours.median(ours.instructions);
            System.out.printf("guest: chardev example with its exercise, boot to power-off, %d runs each%n", runs);
            System.out.printf("%-6s median %.3f s  (min %.3f s)  %.1f M guest instructions  %.1f MIPS%n", "ours",
                    oursSeconds, ours.seconds.stream().min(Double::compare).orElseThrow(), instructions / 1e6,
                    instructions / 1e6 / oursSeconds);
            System.out.printf("%-6s median %.3f s  (min %.3f s)%n", "qemu", qemuSeconds,
                    qemu.seconds.stream().min(Double::compare).orElseThrow());
            System.out.printf("ratio ours/qemu (median wall time): %.1fx%n", oursSeconds / qemuSeconds);
            return ExitStatus.OK.code();
        } catch (GuestToolException e) {
            reporter.error(e.getMessage(), e.details());
            return ExitStatus.USAGE.code();
        } catch (IOException e) {
            reporter.error("cannot write the run's files: " + e.getMessage(), List.of());
            return ExitStatus.USAGE.code();
        }
    }
}
