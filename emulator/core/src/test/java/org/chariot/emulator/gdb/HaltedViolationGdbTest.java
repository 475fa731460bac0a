package org.chariot.emulator.gdb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.chariot.emulator.monitor.Policy;
import org.chariot.emulator.run.ExitStatus;
import org.chariot.emulator.run.RunResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** gdb-multiarch on an isolated run under halt, as {@code chariot run --policy halt --gdb PORT --wait-gdb} serves it. */
class HaltedViolationGdbTest {

    @TempDir
    Path work;

    @Test
    void stopsWithSigsegvAtTheBadStoreAndListsTheViolation() throws Exception {
        IsolatedGdbRun run = IsolatedGdbRun.start("buggy-overflow", Policy.HALT, work);
        Path driver = IsolatedGdbRun.EXAMPLES.resolve("buggy-overflow");
        int bugLine = lineOf(driver.resolve("buggy_overflow.c"), "/* BUG: heap-overflow */");
        String gdb = GdbBatch.run(120, List.of(
                "file " + run.kit.vmlinux(),
                run.targetRemote(),
                "continue",
                "info line *$pc",
                "monitor chariot violations",
                "kill"));
        RunResult result = run.result();
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
