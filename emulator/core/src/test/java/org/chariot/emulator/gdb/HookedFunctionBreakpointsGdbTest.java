package org.chariot.emulator.gdb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.chariot.emulator.monitor.Policy;
import org.chariot.emulator.run.ExitStatus;
import org.chariot.emulator.run.RunResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * gdb-multiarch breaks on the first instruction of each kernel function that the monitor or the
 * stub itself hooks, in an isolated run of the allocations example (which calls the allocators,
 * the frees and a helper the monitor hooks): every breakpoint stops, before the hook's own work.
 */
class HookedFunctionBreakpointsGdbTest {

    /** Hooked by the monitor, called by the driver (the conditions keep to those calls: the hooks watch the driver). */
    private static final List<String> CALLED_BY_THE_DRIVER = List.of("kmalloc_trace", "krealloc", "kfree",
            "get_zeroed_page", "free_pages", "__get_free_pages", "kmem_cache_alloc", "strscpy", "kasprintf", "kstrdup",
            "kmem_cache_free");
    /** Hooked by the monitor (module layout and frees) and the stub (the library list), called by the kernel. */
    private static final List<String> MODULE_HOOKS = List.of("module_memfree", "free_module");
    /** A stop at a breakpoint, by number: gdb names the place by its first line, which may be an inlined function's. */
    private static final Pattern STOP = Pattern.compile("Temporary breakpoint (\\d+), ");

    @TempDir
    Path work;

    @Test
    void everyHookedFunctionStopsGdbBeforeTheHookRuns() throws Exception {
        IsolatedGdbRun run = IsolatedGdbRun.start("allocations", Policy.BLOCK, work);
        List<String> breakpoints = new ArrayList<>(List.of("do_init_module"));
        breakpoints.addAll(CALLED_BY_THE_DRIVER);
        breakpoints.addAll(MODULE_HOOKS);
        List<String> commands = new ArrayList<>(List.of("file " + run.kit.vmlinux(), run.targetRemote(),
                "tbreak *do_init_module", "continue", "info sharedlibrary"));
        for (String function : CALLED_BY_THE_DRIVER) {
            commands.add("tbreak *" + function + " if (unsigned long) $ra < 0xffffffff80000000");
        }
        MODULE_HOOKS.forEach(function -> commands.add("tbreak *" + function));
        for (int i = 0; i < CALLED_BY_THE_DRIVER.size() + MODULE_HOOKS.size(); i++) {
            commands.add("continue");
            commands.add("info symbol $ra");
        }
        commands.add("continue");
        String gdb = GdbBatch.run(300, commands);
        RunResult result = run.result();

        Set<String> stops = new TreeSet<>();
        Matcher stop = STOP.matcher(gdb);
        while (stop.find()) {
            stops.add(breakpoints.get(Integer.parseInt(stop.group(1)) - 1));
        }
        assertEquals(new TreeSet<>(breakpoints), stops, gdb);
        assertTrue(gdb.contains("No shared libraries loaded at this time."),
                "at do_init_module's breakpoint the stub's hook has not yet added the module: " + gdb);
        assertTrue(gdb.matches("(?s).*\\w*init\\w* \\+ \\d+ in section \\.init\\.text of \\S+allocations\\.at\\.elf.*"),
                "the library was loaded when gdb went on, and the driver made the calls: " + gdb);
        assertTrue(gdb.contains("exited normally"), gdb);
        assertEquals(ExitStatus.OK, result.status(), result::toString);
    }
}
