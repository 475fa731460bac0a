package org.chariot.emulator.monitor;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.chariot.emulator.guest.DriverBuild;
import org.chariot.emulator.guest.GuestKit;
import org.chariot.emulator.guest.GuestToolException;
import org.chariot.emulator.guest.Installation;
import org.chariot.emulator.guest.KernelModule;
import org.chariot.emulator.machine.Machine;
import org.chariot.emulator.machine.MachineConfig;
import org.chariot.emulator.machine.MachineExit;
import org.chariot.emulator.run.BootSpec;
import org.chariot.emulator.run.DriverRun;
import org.chariot.emulator.run.GuestExit;
import org.chariot.emulator.run.GuestMachine;
import org.chariot.emulator.run.RunListener;
import org.chariot.emulator.run.RunRequest;
import org.chariot.emulator.run.RunResult;

/**
 * Runs an example driver on our machine with its modules isolated (or not), the way {@code
 * chariot run --isolate} will: builds it with the kit, boots the guest with the monitor attached,
 * and keeps the violations and the console.
 */
final class IsolatedRun implements GuestMachine {

    /** What a run produced; {@code millis} is the machine's run, from reset to its end, {@code stopPc} where the hart was then. */
    record Outcome(RunResult result, List<Violation> violations, List<String> console, long instructions, long millis,
            long stopPc) {

        boolean consoleHas(String text) {
            return console.stream().anyMatch(line -> line.contains(text));
        }
    }

    private final GuestKit kit;
    private final List<KernelModule> isolated;
    private final Policy policy;
    private final List<Violation> violations = new ArrayList<>();
    private long instructions;
    private long runMillis;
    private long stopPc;

    private IsolatedRun(GuestKit kit, List<KernelModule> isolated, Policy policy) {
        this.kit = kit;
        this.isolated = isolated;
        this.policy = policy;
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
            throws IOException, GuestToolException {
        Path directory = driver(driver);
        List<KernelModule> modules = new ArrayList<>();
        for (Path ko : new DriverBuild(kit).build(directory)) {
            modules.add(KernelModule.of(ko));
        }
        IsolatedRun machine = new IsolatedRun(kit, policy == null ? List.of() : modules, policy);
        Path work = Files.createTempDirectory("chariot-isolation-");
        List<String> console = new ArrayList<>();
        RunListener listener = new RunListener() {
            @Override
            public void stage(String message) {
            }

            @Override
            public void console(String line) {
                console.add(line);
            }
        };
        RunRequest request = new RunRequest(List.of(directory), List.of(),
                exercise, List.of(), kernelArguments, 128,
                Duration.ofMinutes(3));
        RunResult result = new DriverRun(kit, machine, work, listener).run(request);
        return new Outcome(result, List.copyOf(machine.violations), List.copyOf(console), machine.instructions,
                machine.runMillis, machine.stopPc);
    }

    @Override
    public String name() {
        return "ours, isolated";
    }

    @Override
    public GuestExit boot(BootSpec spec, Consumer<String> console) {
        LineStream output = new LineStream(console);
        MachineConfig config = MachineConfig.builder(spec.kernel()).initrd(spec.initrd()).bootargs(spec.commandLine())
                .memoryMib(spec.memoryMiB()).console(null, output).timeLimit(spec.timeout()).build();
        MachineExit exit;
        try (Machine machine = Machine.create(config)) {
            if (policy != null) {
                Monitor.attach(machine, kit, isolated, policy, violations::add);
            }
            long start = System.nanoTime();
            exit = machine.run();
            runMillis = (System.nanoTime() - start) / 1_000_000;
            instructions = machine.hart().instructionsRetired();
            stopPc = machine.hart().pc();
        } catch (IOException e) {
            return GuestExit.failed("the machine could not start: " + e.getMessage());
        }
        output.finish();
        return exit instanceof MachineExit.PowerOff ? GuestExit.stopped("powered off")
                : GuestExit.failed("the machine ended with " + exit);
    }

    /** Console bytes cut into lines; flush() does not end a line, since the UART flushes every byte. */
    private static final class LineStream extends OutputStream {
        private final Consumer<String> lines;
        private final ByteArrayOutputStream current = new ByteArrayOutputStream();

        LineStream(Consumer<String> lines) {
            this.lines = lines;
        }

        @Override
        public synchronized void write(int b) {
            if (b == '\n') {
                finish();
            } else if (b != '\r') {
                current.write(b);
            }
        }

        /** Passes on the line so far: at a newline, and at the end of the run. */
        synchronized void finish() {
            if (current.size() > 0) {
                lines.accept(current.toString(StandardCharsets.UTF_8));
                current.reset();
            }
        }
    }
}
