package org.chariot.emulator.monitor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.chariot.emulator.guest.DriverBuild;
import org.chariot.emulator.guest.GuestKit;
import org.chariot.emulator.run.ExitStatus;
import org.chariot.emulator.symbols.KernelSymbols;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Isolation end to end on our machine with the real guest kit: each buggy example yields exactly
 * its one violation, with the kind and the source line its {@code BUG:} comment names; with
 * {@code block} the bad write does not land (the bad free does not happen), with {@code report} it
 * does; the correct examples yield none, and a storm of violations is recorded whole.
 */
class IsolationTest {

    /** slub_debug's redzones and poison let the kernel itself tell whether a heap write landed. */
    private static final List<String> SLUB_DEBUG = List.of("slub_debug=FZP");

    private static GuestKit kit;

    @BeforeAll
    static void openKit() throws Exception {
        kit = IsolatedRun.kit();
    }

    /**
     * Each buggy example under block: its one violation, and its own read-back says the write did
     * not land (or the free did not happen).
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource({"buggy-overflow, buggy_overflow.c", "buggy-uaf, buggy_uaf.c", "buggy-global, buggy_global.c",
        "buggy-memset, buggy_memset.c", "buggy-stack, buggy_stack.c", "buggy-text, buggy_text.c",
        "buggy-underflow, buggy_underflow.c", "buggy-rodata, buggy_rodata.c", "buggy-other, other_writer.c",
        "buggy-smash, buggy_smash.c", "buggy-double-free, buggy_double_free.c", "buggy-wild, buggy_wild.c",
        "buggy-far-overflow, buggy_far_overflow.c", "buggy-free-static, buggy_free_static.c"})
    void blocksTheBadWriteOfEachBuggyExample(String driver, String sourceFile) throws Exception {
        IsolatedRun.Outcome outcome = IsolatedRun.run(kit, driver, null, Policy.BLOCK, SLUB_DEBUG);
        Violation violation = onlyViolation(outcome, driver, sourceFile);
        assertEquals("blocked", violation.verdict());
        assertTrue(violation.stack().getLast().function().startsWith("do_one_initcall"),
                "the kernel's call of the driver's init ends the stack: " + violation.stack());
        assertTrue(outcome.consoleHas(violation.kind() == ViolationKind.INVALID_FREE ? "the bad free did not happen"
                : "the bad write did not land"), String.join("\n", outcome.console()));
        assertFalse(outcome.consoleHas("BUG kmalloc"), "slub_debug found the heap intact");
        assertEquals(ExitStatus.VIOLATIONS, outcome.result().status(), outcome.result().message());
        assertTrue(outcome.result().message().startsWith("1 violation (1 " + violation.kind().jsonName() + ")"),
                outcome.result().message());
    }

    @Test
    void namesTheObjectAndWhereItWasAllocated() throws Exception {
        IsolatedRun.Outcome outcome = IsolatedRun.run(kit, "buggy-overflow", null, Policy.BLOCK, SLUB_DEBUG);
        Violation violation = onlyViolation(outcome, "buggy-overflow", "buggy_overflow.c");
        assertEquals(1, violation.size());
        assertEquals(0x41, violation.value()[0]);
        assertEquals(16, violation.addr() - violation.alloc().start(), "one byte past the 16-byte object");
        assertEquals(16, violation.alloc().size());
        assertEquals("buggy_overflow_init", violation.alloc().site().function());
        assertEquals(lineOf("buggy-overflow", "buggy_overflow.c", "= kmalloc(16"), violation.alloc().site().line());
        assertTrue(violation.insn().startsWith("sb "), "a byte store: " + violation.insn());
        String event = violation.toEvent(7).toJson();
        assertTrue(event.startsWith("{\"type\":\"violation\",\"t\":7,\"id\":1,\"module\":\"buggy_overflow\""), event);
        assertTrue(event.contains("\"kind\":\"heap-overflow\""), event);
        assertTrue(event.contains("buggy_overflow.c\",\"line\":" + violation.source().line() + ",\"function\":\"buggy_overflow_init\"}"), event);
    }

    @Test
    void protectsEachIsolatedModuleFromTheOthers() throws Exception {
        IsolatedRun.Outcome outcome = IsolatedRun.run(kit, "buggy-other", null, Policy.BLOCK, List.of());
        Violation violation = onlyViolation(outcome, "buggy-other", "other_writer.c");
        assertEquals("other_writer", violation.module());
        assertTrue(violation.target().contains("other_owner"), violation.target());
        assertTrue(outcome.consoleHas("counter at unload: 1"), "the owner's own write landed, the other's did not");
    }

    @Test
    void blamesTheDriversCallForAHelpersWrite() throws Exception {
        IsolatedRun.Outcome outcome = IsolatedRun.run(kit, "buggy-memset", null, Policy.BLOCK, SLUB_DEBUG);
        Violation violation = onlyViolation(outcome, "buggy-memset", "buggy_memset.c");
        assertTrue(violation.stack().getFirst().function().contains("memset"), violation.stack().toString());
        assertEquals(lineOf("buggy-memset", "buggy_memset.c", "memset(buffer"), violation.stack().get(1).line());
    }

    @Test
    void reportsAHeapOverflowAndLetsItLand() throws Exception {
        IsolatedRun.Outcome outcome = IsolatedRun.run(kit, "buggy-overflow", null, Policy.REPORT, SLUB_DEBUG);
        Violation violation = onlyViolation(outcome, "buggy-overflow", "buggy_overflow.c");
        assertEquals("allowed", violation.verdict());
        assertTrue(outcome.consoleHas("the bad write landed"), String.join("\n", outcome.console()));
        assertTrue(outcome.consoleHas("Redzone overwritten"), "slub_debug saw the overwritten redzone");
    }

    @Test
    void haltsTheHartAtTheBadStore() throws Exception {
        IsolatedRun.Outcome outcome = IsolatedRun.run(kit, "buggy-global", null, Policy.HALT, List.of());
        Violation violation = onlyViolation(outcome, "buggy-global", "buggy_global.c");
        assertEquals("halted", violation.verdict());
        assertEquals(violation.pc(), outcome.stopPc(), "the hart stopped at the store, before it retired");
        assertFalse(outcome.consoleHas("the bad write"), "the driver never got past the store");
    }

    @Test
    void blocksADoubleFreeByATailCallAtUnload() throws Exception {
        IsolatedRun.Outcome outcome = IsolatedRun.run(kit, "buggy-exit-free", null, Policy.BLOCK, SLUB_DEBUG);
        Violation violation = onlyViolation(outcome, "buggy-exit-free", "buggy_exit_free.c");
        assertEquals("blocked", violation.verdict());
        assertTrue(violation.target().startsWith("a second free of kmalloc_trace(32) object"), violation.target());
        assertTrue(violation.stack().getLast().function().contains("delete_module"),
                "the kernel's unload called the exit function: " + violation.stack());
        assertFalse(outcome.consoleHas("BUG kmalloc"), "slub_debug saw no second free");
        assertEquals(ExitStatus.VIOLATIONS, outcome.result().status(), outcome.result().message());
    }

    @Test
    void haltsTheHartBeforeTheBadFree() throws Exception {
        IsolatedRun.Outcome outcome = IsolatedRun.run(kit, "buggy-double-free", null, Policy.HALT, List.of());
        Violation violation = onlyViolation(outcome, "buggy-double-free", "buggy_double_free.c");
        assertEquals("halted", violation.verdict());
        assertEquals(violation.pc(), outcome.stopPc(), "the hart stopped at the free's entry, before it ran");
        assertTrue(violation.stack().getFirst().function().startsWith("kfree"), violation.stack().toString());
        assertFalse(outcome.consoleHas("the bad free"), "the driver never got past the free");
    }

    @Test
    void reportsADoubleFreeAndLetsItRun() throws Exception {
        IsolatedRun.Outcome outcome = IsolatedRun.run(kit, "buggy-double-free", null, Policy.REPORT, List.of());
        Violation violation = onlyViolation(outcome, "buggy-double-free", "buggy_double_free.c");
        assertEquals("allowed", violation.verdict());
        assertTrue(violation.target().startsWith("a second free of kmalloc_trace(32) object"), violation.target());
        assertTrue(outcome.consoleHas("the bad free happened"), String.join("\n", outcome.console()));
    }

    @Test
    void reportsAWriteToAKernelGlobalAndLetsItLand() throws Exception {
        IsolatedRun.Outcome outcome = IsolatedRun.run(kit, "buggy-global", null, Policy.REPORT, List.of());
        Violation violation = onlyViolation(outcome, "buggy-global", "buggy_global.c");
        long global = KernelSymbols.load(kit.systemMap()).address("loops_per_jiffy").orElseThrow();
        assertEquals(global, violation.addr(), violation.target());
        assertTrue(violation.toEvent(0).toJson().contains("\"alloc\":null,"), "no object of the driver is near");
        assertTrue(outcome.consoleHas("the bad write landed"), String.join("\n", outcome.console()));
    }

    @Test
    void recordsEveryViolationOfAStormAndKeepsTheKernelIntact() throws Exception {
        IsolatedRun.Outcome outcome = IsolatedRun.run(kit, "buggy-storm", null, Policy.BLOCK, SLUB_DEBUG);
        int line = lineOf("buggy-storm", "buggy_storm.c", "/* BUG: heap-overflow */");
        assertEquals(5000, outcome.violations().size(), outcome.result().message());
        for (int i = 0; i < outcome.violations().size(); i++) {
            Violation violation = outcome.violations().get(i);
            assertEquals(i + 1, violation.id(), "numbered in order, none lost");
            assertEquals(ViolationKind.HEAP_OVERFLOW, violation.kind());
            assertEquals(line, violation.source().line());
        }
        assertTrue(outcome.consoleHas("0 of 5000 bad writes landed"), String.join("\n", outcome.console()));
        assertFalse(outcome.consoleHas("BUG kmalloc"), "slub_debug found the heap intact");
        assertTrue(outcome.result().message().startsWith("5000 violations (5000 heap-overflow)"),
                outcome.result().message());
    }

    @Test
    void namesTheCodeBySymbolAndOffsetWhenTheModuleHasNoDebugInfo(@TempDir Path directory) throws Exception {
        Path built = new DriverBuild(kit).build(IsolatedRun.driver("buggy-overflow")).getFirst();
        Path stripped = directory.resolve(built.getFileName());
        Process strip = new ProcessBuilder("riscv64-linux-gnu-strip", "--strip-debug", "-o", stripped.toString(),
                built.toString()).inheritIO().start();
        assertEquals(0, strip.waitFor(), "riscv64-linux-gnu-strip");
        IsolatedRun.Outcome outcome = IsolatedRun.run(kit, stripped, null, Policy.BLOCK, List.of());
        assertEquals(1, outcome.violations().size(), String.join("\n", outcome.console()));
        Violation violation = outcome.violations().getFirst();
        assertEquals(ViolationKind.HEAP_OVERFLOW, violation.kind());
        assertFalse(violation.source().hasSource(), "no line without debug info: " + violation.source());
        List<Frame> stack = violation.stack();
        assertTrue(stack.getFirst().function().startsWith("buggy_overflow_init+0x"), stack.toString());
        assertEquals(2, stack.size(), "the store's function, then the kernel's call of it: " + stack);
        String report = ViolationReport.format(violation);
        assertTrue(report.contains("has no line information"), report);
    }

    @Test
    void correctExamplesRunWithoutViolations() throws Exception {
        for (String[] example : new String[][] {{"hello", null}, {"chardev", "exercise.c"}, {"platform", null},
            {"allocations", null}}) {
            Path exercise = example[1] == null ? null : IsolatedRun.driver(example[0]).resolve(example[1]);
            IsolatedRun.Outcome outcome = IsolatedRun.run(kit, example[0], exercise, Policy.BLOCK, List.of());
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
        int line = lineOf(driver, sourceFile, "/* BUG: ");
        String marked = Files.readAllLines(IsolatedRun.driver(driver).resolve(sourceFile)).get(line - 1);
        String kind = marked.substring(marked.indexOf("/* BUG: ") + 8, marked.indexOf(" */"));
        assertEquals(kind, violation.kind().jsonName(), reports);
        assertTrue(violation.source().file().endsWith(sourceFile), reports);
        assertEquals(line, violation.source().line(), reports);
        return violation;
    }

    /** The number of the one line of the driver's source that contains {@code text}. */
    private static int lineOf(String driver, String sourceFile, String text) throws IOException {
        List<String> lines = Files.readAllLines(IsolatedRun.driver(driver).resolve(sourceFile));
        List<Integer> found = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(text)) {
                found.add(i + 1);
            }
        }
        assertEquals(1, found.size(), "lines with '" + text + "' in " + sourceFile);
        return found.getFirst();
    }
}
