package org.chariot.emulator.gdb;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.chariot.emulator.guest.GuestKit;
import org.chariot.emulator.guest.GuestToolException;
import org.chariot.emulator.monitor.Policy;
import org.chariot.emulator.run.DriverRun;
import org.chariot.emulator.run.OwnMachine;
import org.chariot.emulator.run.RunListener;
import org.chariot.emulator.run.RunRequest;
import org.chariot.emulator.run.RunResult;

/**
 * An isolated driver run with the GDB stub waiting for a client, as {@code chariot run DRIVER --policy P
 * --gdb 0 --wait-gdb} serves it, on a thread of its own.
 */
final class IsolatedGdbRun {

    static final Path EXAMPLES = Path.of("../../examples/drivers").toAbsolutePath().normalize();
    private static final Pattern PORT = Pattern.compile("GDB stub on 127\\.0\\.0\\.1:(\\d+)");

    final GuestKit kit;
    private final CompletableFuture<Integer> port = new CompletableFuture<>();
    private final CompletableFuture<RunResult> result;

    private IsolatedGdbRun(GuestKit kit, Path driver, Policy policy, Path work) {
        this.kit = kit;
        OwnMachine machine = new OwnMachine(Optional.of(new OwnMachine.Debugging(0, true, kit, announcement -> {
            Matcher matcher = PORT.matcher(announcement);
            if (matcher.find()) {
                port.complete(Integer.parseInt(matcher.group(1)));
            }
        })));
        RunRequest request = new RunRequest(List.of(driver), List.of(), null, List.of(), List.of(), 128,
                Duration.ofSeconds(120)).isolated(policy);
        RunListener quiet = new RunListener() {
            @Override
            public void stage(String message) {
            }

            @Override
            public void console(String line) {
            }
        };
        result = CompletableFuture.supplyAsync(() -> new DriverRun(kit, machine, work, quiet).run(request),
                runnable -> Thread.ofPlatform().start(runnable));
    }

    /** Starts the run of the example {@code driver}; the test is skipped without a kit or gdb-multiarch. */
    static IsolatedGdbRun start(String driver, Policy policy, Path work) throws GuestToolException {
        String property = System.getProperty("chariot.kit", "");
        assumeTrue(!property.isBlank(), "no guest kit given: ./chariot test builds it and passes -Dchariot.kit");
        assumeTrue(GdbBatch.installed(), "gdb-multiarch is not installed (apt-get install gdb-multiarch)");
        return new IsolatedGdbRun(GuestKit.open(Path.of(property)), EXAMPLES.resolve(driver), policy, work);
    }

    /** gdb's command to connect to the stub, once it listens. */
    String targetRemote() throws Exception {
        return "target remote 127.0.0.1:" + port.get(60, TimeUnit.SECONDS);
    }

    RunResult result() throws Exception {
        return result.get(60, TimeUnit.SECONDS);
    }
}
