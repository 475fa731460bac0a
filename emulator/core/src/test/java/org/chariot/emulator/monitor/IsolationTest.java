package org.chariot.emulator.monitor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.chariot.emulator.guest.GuestKit;
import org.chariot.emulator.symbols.KernelSymbols;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Isolation end to end on our machine with the real guest kit: each buggy example yields exactly
 * its one violation, with the kind and the source line its {@code BUG:} comment names; with
 * {@code block} the bad write does not land, with {@code report} it does; the correct examples
 * yield none.
 */
class IsolationTest {

    /** slub_debug's redzones and poison let the kernel itself tell whether a heap write landed. */
    private static final List<String> SLUB_DEBUG = List.of("slub_debug=FZP");

    private static GuestKit kit;

    @BeforeAll
    static void openKit() throws Exception {
        kit = IsolatedRun.kit();
    }

    @Test
    void blocksAOneByteHeapOverflow() throws Exception {
        IsolatedRun.Outcome outcome = IsolatedRun.run(kit, "buggy-overflow", null, Policy.BLOCK, SLUB_DEBUG);
        Violation violation = onlyViolation(outcome, "buggy-overflow", "buggy_overflow.c");
        assertEquals(1, violation.size());
        assertEquals(0x41, violation.value()[0]);
        assertEquals(16, violation.addr() - violation.alloc().start(), "one byte past the 16-byte object");
        assertTrue(outcome.consoleHas("the write past the end did not land"), String.join("\n", outcome.console()));
        assertFalse(outcome.consoleHas("Redzone overwritten"), "slub_debug found the redzone intact");
        assertTrue(outcome.result().succeeded(), outcome.result().message());
    }

    @Test
    void reportsAHeapOverflowAndLetsItLand() throws Exception {
        IsolatedRun.Outcome outcome = IsolatedRun.run(kit, "buggy-overflow", null, Policy.REPORT, SLUB_DEBUG);
        Violation violation = onlyViolation(outcome, "buggy-overflow", "buggy_overflow.c");
        assertEquals("allowed", violation.verdict());
        assertTrue(outcome.consoleHas("the write past the end landed"), String.join("\n", outcome.console()));
        assertTrue(outcome.consoleHas("Redzone overwritten"), "slub_debug saw the overwritten redzone");
    }

    @Test
    void blocksAWriteAfterFree() throws Exception {
        IsolatedRun.Outcome outcome = IsolatedRun.run(kit, "buggy-uaf", null, Policy.BLOCK, SLUB_DEBUG);
        Violation violation = onlyViolation(outcome, "buggy-uaf", "buggy_uaf.c");
        assertEquals(4, violation.addr() - violation.alloc().start());
        assertTrue(outcome.consoleHas("the write after free did not land"), String.join("\n", outcome.console()));
    }

    @Test
    void blocksAWriteToAKernelGlobal() throws Exception {
        IsolatedRun.Outcome outcome = IsolatedRun.run(kit, "buggy-global", null, Policy.BLOCK, List.of());
        Violation violation = onlyViolation(outcome, "buggy-global", "buggy_global.c");
        long global = KernelSymbols.load(kit.systemMap()).address("loops_per_jiffy").orElseThrow();
        assertEquals(global, violation.addr(), violation.target());
        assertTrue(outcome.consoleHas("the write to loops_per_jiffy did not land"), String.join("\n", outcome.console()));
    }

    @Test
    void reportsAWriteToAKernelGlobalAndLetsItLand() throws Exception {
        IsolatedRun.Outcome outcome = IsolatedRun.run(kit, "buggy-global", null, Policy.REPORT, List.of());
        onlyViolation(outcome, "buggy-global", "buggy_global.c");
        assertTrue(outcome.consoleHas("the write to loops_per_jiffy landed"), String.join("\n", outcome.console()));
    }

    @Test
    void correctExamplesRunWithoutViolations() throws Exception {
        for (String[] example : new String[][] {{"hello", null}, {"chardev", "exercise.c"}, {"platform", null}}) {
            IsolatedRun.Outcome outcome = IsolatedRun.run(kit, example[0], example[1], Policy.BLOCK, List.of());
            assertEquals(List.of(), outcome.violations().stream().map(ViolationReport::format).toList(), example[0]);
            assertTrue(outcome.result().succeeded(), example[0] + ": " + outcome.result().message() + "\n"
                    + String.join("\n", outcome.console()));
        }
    }

    /** The run's one violation, checked against the {@code BUG: kind} comment in the driver's source. */
    private static Violation onlyViolation(IsolatedRun.Outcome outcome, String driver, String sourceFile)
            throws IOException {
        String reports = outcome.violations().stream().map(ViolationReport::format).collect(Collectors.joining());
        assertEquals(1, outcome.violations().size(), reports + String.join("\n", outcome.console()));
        Violation violation = outcome.violations().getFirst();
        Path source = IsolatedRun.driver(driver).resolve(sourceFile);
        List<String> lines = Files.readAllLines(source);
        int line = 0;
        String kind = null;
        for (int i = 0; i < lines.size(); i++) {
            int marker = lines.get(i).indexOf("/* BUG: ");
            if (marker >= 0) {
                line = i + 1;
                kind = lines.get(i).substring(marker + 8, lines.get(i).indexOf(" */", marker));
            }
        }
        assertEquals(kind, violation.kind().jsonName(), reports);
        assertTrue(violation.source().file().endsWith(sourceFile), reports);
        assertEquals(line, violation.source().line(), reports);
        return violation;
    }
}
