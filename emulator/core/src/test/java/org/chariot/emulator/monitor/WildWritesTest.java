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
 * The fault suite's write-class bugs beyond the examples, each run isolated under {@code block}
 * (test resource {@code drivers/wild-writes}, one bug per run): direct stores into the module's
 * read-only sections, a NULL pointer, a vmalloc guard page and a neighbouring object; kernel
 * helpers called and tail-called; a kernel function that is no helper; a stack smash through a
 * helper; frees with the wrong allocator. Each is reported with its kind at the driver's marked
 * line (for a kernel function's write, the driver's call), blocked, and the kernel goes on.
 */
class WildWritesTest {

    private static GuestKit kit;
    private static FaultSuiteDriver driver;

    @BeforeAll
    static void build(@TempDir Path directory) throws Exception {
        kit = IsolatedRun.kit();
        driver = FaultSuiteDriver.build(kit, "wild-writes", "wild_writes.c", directory);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({"rodata, module-rodata, did not land", "text, module-text, did not land",
        "ro-after-init, module-rodata, did not land", "null, null-pointer, went on",
        "vmalloc-guard, heap-overflow, went on", "neighbour, heap-overflow, did not land",
        "sprintf, heap-overflow, did not land", "strscpy-tail, heap-overflow, did not land",
        "scatterlist, heap-overflow, did not land", "use-after-free, use-after-free, went on",
        "stack-memcpy, stack, went on", "exit-memset-tail, heap-overflow, ",
        "wrong-cache, mismatched-free, did not happen", "vfree-slab, mismatched-free, did not happen",
        "kfree-vmalloc, mismatched-free, did not happen"})
    void reportsBlocksAndGoesOn(String bug, String kind, String afterwards) throws Exception {
        IsolatedRun.Outcome outcome = IsolatedRun.run(kit, driver.module(), List.of("bug=" + bug), null, Policy.BLOCK,
                List.of());
        String console = String.join("\n", outcome.console());
        assertFalse(outcome.violations().isEmpty(), "no violation for " + bug + ":\n" + console);
        int line = driver.lineMarked("bug=" + bug + " ");
        for (Violation violation : outcome.violations()) {
            assertEquals(kind, violation.kind().jsonName(), ViolationReport.format(violation));
            assertEquals(line, violation.source().line(), ViolationReport.format(violation));
            assertEquals("blocked", violation.verdict());
        }
        assertEquals(ExitStatus.VIOLATIONS, outcome.result().status(), outcome.result().message() + "\n" + console);
        assertFalse(console.contains("Oops") || console.contains("BUG kmalloc") || console.contains("Redzone"),
                "the kernel and its heap stay intact:\n" + console);
        if (afterwards != null) {
            assertTrue(console.contains(afterwards.equals("went on") ? "wild_writes: the driver went on"
                    : afterwards.startsWith("did not land") ? "the bad write did not land" : "the bad free did not happen"),
                    console);
        }
    }

    @Test
    void aWarningInTheDriverLeavesItsOwnFramesItsOwn() throws Exception {
        IsolatedRun.Outcome outcome = IsolatedRun.run(kit, driver.module(), List.of("bug=warn"), null, Policy.BLOCK, List.of());
        String console = String.join("\n", outcome.console());
        assertEquals(List.of(), outcome.violations().stream().map(ViolationReport::format).toList());
        assertTrue(console.contains("WARNING: ") && console.contains("wild_writes: the driver went on"), console);
        assertEquals(ExitStatus.OK, outcome.result().status(), console);
    }
}
