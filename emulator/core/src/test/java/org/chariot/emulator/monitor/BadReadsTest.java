package org.chariot.emulator.monitor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.chariot.emulator.guest.GuestKit;
import org.chariot.emulator.run.ExitStatus;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code --check reads}: the fault suite's read-class bugs (test resource {@code drivers/bad-reads},
 * one bug per run), each reported with its kind at the driver's marked line (for a helper's read,
 * the driver's call) and let through, the driver going on; correct reads, and the chardev example
 * with its exercise, reported nothing; and without the option, reads are not checked.
 */
class BadReadsTest {

    private static GuestKit kit;
    private static FaultSuiteDriver driver;

    @BeforeAll
    static void build(@TempDir Path directory) throws Exception {
        kit = IsolatedRun.kit();
        driver = FaultSuiteDriver.build(kit, "bad-reads", "bad_reads.c", directory);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({"past-end, out-of-bounds-read", "before-start, out-of-bounds-read",
        "memcpy-past, out-of-bounds-read", "after-free, use-after-free-read"})
    void reportsTheReadAtItsLineAndLetsTheDriverGoOn(String bug, String kind) throws Exception {
        IsolatedRun.Outcome outcome = IsolatedRun.run(kit, driver.module(), List.of("bug=" + bug), null, Policy.BLOCK,
                List.of(), true);
        String console = String.join("\n", outcome.console());
        assertFalse(outcome.violations().isEmpty(), "no violation for " + bug + ":\n" + console);
        int line = driver.lineMarked("bug=" + bug + " ");
        for (Violation violation : outcome.violations()) {
            assertEquals(kind, violation.kind().jsonName(), ViolationReport.format(violation));
            assertEquals(line, violation.source().line(), ViolationReport.format(violation));
            assertEquals("allowed", violation.verdict(), "a read is reported, never stopped");
        }
        assertEquals(ExitStatus.VIOLATIONS, outcome.result().status(), outcome.result().message() + "\n" + console);
        assertTrue(outcome.consoleHas("bad_reads: the driver went on"), console);
    }

    @Test
    void correctReadsToTheLastByteOfEachObjectAreNotReported() throws Exception {
        IsolatedRun.Outcome outcome = IsolatedRun.run(kit, driver.module(), List.of("bug=none"), null, Policy.BLOCK, List.of(),
                true);
        assertEquals(List.of(), outcome.violations().stream().map(ViolationReport::format).toList());
        assertEquals(ExitStatus.OK, outcome.result().status(), String.join("\n", outcome.console()));
    }

    @Test
    void readsAreNotCheckedUnlessAskedFor() throws Exception {
        IsolatedRun.Outcome outcome = IsolatedRun.run(kit, driver.module(), List.of("bug=past-end"), null, Policy.BLOCK,
                List.of(), false);
        assertEquals(List.of(), outcome.violations().stream().map(ViolationReport::format).toList());
        assertEquals(ExitStatus.OK, outcome.result().status(), String.join("\n", outcome.console()));
    }

    @Test
    void theCharacterDeviceExampleWithItsExerciseReadsNothingItShouldNot() throws Exception {
        IsolatedRun.Outcome outcome = IsolatedRun.run(kit, IsolatedRun.driver("chardev"), List.of(),
                IsolatedRun.driver("chardev").resolve("exercise.c"), Policy.BLOCK, List.of(), true);
        assertEquals(List.of(), outcome.violations().stream().map(ViolationReport::format).toList());
        assertEquals(ExitStatus.OK, outcome.result().status(), String.join("\n", outcome.console()));
    }
}
