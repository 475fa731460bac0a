package org.chariot.emulator.gdb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.chariot.emulator.guest.GuestKit;
import org.chariot.emulator.monitor.Policy;
import org.chariot.emulator.run.DriverRun;
import org.chariot.emulator.run.ExitStatus;
import org.chariot.emulator.run.OwnMachine;
import org.chariot.emulator.run.RunListener;
import org.chariot.emulator.run.RunRequest;
import org.chariot.emulator.run.RunResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** gdb-multiarch on an isolated run under halt, as {@code chariot run --policy halt --gdb PORT --wait-gdb} serves it. */
class HaltedViolationGdbTest {

    private static final Path EXAMPLES = Path.of("../../examples/drivers").toAbsolutePath().normalize();
    private static final Pattern PORT = Pattern.compile("GDB stub on 127\\.0\\.0\\.1:(\\d+)");

    @TempDir
    Path work;

    @Test
    void stopsWithSigsegvAtTheBadStoreAndListsTheViolation() throws Exception {
        String property = System.getProperty("chariot.kit", "");
        assumeTrue(!property.isBlank(), "no guest kit given: ./chariot test builds it and passes -Dchariot.kit");
        assumeTrue(GdbBatch.installed(), "gdb-multiarch is not installed (apt-get install gdb-multiarch)");
        GuestKit kit = GuestKit.open(Path.of(property));
        Path driver = EXAMPLES.resolve("buggy-overflow");
        int bugLine = lineOf(driver.resolve("buggy_overflow.c"), "/* BUG: heap-overflow */");
        CompletableFuture<Integer> port = new CompletableFuture<>();
        OwnMachine machine = new OwnMachine(Optional.of(new OwnMachine.Debugging(0, true, kit, announcement -> {
            Matcher matcher = PORT.matcher(announcement);
            if (matcher.find()) {
                port.complete(Integer.parseInt(matcher.group(1)));
            }
        })));
        RunRequest request = new RunRequest(List.of(driver), List.of(), null, List.of(), List.of(), 128,
                Duration.ofSeconds(120)).isolated(Policy.HALT);
        RunListener quiet = new RunListener() {
            @Override
            public void stage(String message) {
            }

            @Override
            public void console(String line) {
            }
        };
        CompletableFuture<RunResult> run = CompletableFuture.supplyAsync(
                () -> new DriverRun(kit, machine, work, quiet).run(request), runnable -> Thread.ofPlatform().start(runnable));
        String gdb = GdbBatch.run(120, List.of(
                "file " + kit.vmlinux(),
                "target remote 127.0.0.1:" + port.get(60, TimeUnit.SECONDS),
                "continue",
                "info line *$pc",
                "monitor chariot violations",
                "kill"));
        RunResult result = run.get(60, TimeUnit.SECONDS);
        assertTrue(gdb.contains("SIGSEGV"), gdb);
        assertTrue(gdb.contains("Line " + bugLine + " of \"" + driver.resolve("buggy_overflow.c") + "\""), gdb);
        assertTrue(gdb.matches("(?s).*#1 heap-overflow in buggy_overflow_init at \\S+buggy_overflow\\.c:" + bugLine
                + " .*: write of 1 at 0x[0-9a-f]+ by sb .*, halted; target .*"), gdb);
        assertEquals(ExitStatus.VIOLATIONS, result.status(), result::toString);
    }

    private static int lineOf(Path source, String text) throws Exception {
        List<String> lines = Files.readAllLines(source);
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(text)) {
                return i + 1;
            }
        }
        throw new AssertionError(text + " not in " + source);
    }
}
