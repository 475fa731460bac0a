package org.chariot.emulator.gdb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real gdb-multiarch against the bare-metal test program: what a user does, without the guest kit. */
class BareMetalGdbTest {

    @TempDir
    Path dir;

    @Test
    void breakNextRegistersMemoryWatchAndPowerOff() throws Exception {
        assumeTrue(GdbBatch.installed(), "gdb-multiarch is not installed (apt-get install gdb-multiarch)");
        TinyMachine machine = TinyMachine.build(dir, GdbServerTest.PROGRAM);
        try (GdbServer server = GdbServer.start(machine, 0, true, Optional.empty())) {
            CompletableFuture<DebugTarget.Ending> run = CompletableFuture.supplyAsync(server::runMachine,
                    runnable -> Thread.ofPlatform().start(runnable));
            String program = dir.resolve("program.c").toString();
            String output = GdbBatch.run(120, List.of(
                    "file " + machine.elf,
                    "target remote 127.0.0.1:" + server.port(),
                    "break count",
                    "continue",
                    "info line *$pc",
                    "next",
                    "info line *$pc",
                    "info registers satp priv",
                    "x/1gx &limit",
                    "delete",
                    "watch counter",
                    "continue",
                    "delete",
                    "set var limit = counter + 3",
                    "monitor help",
                    "continue"));
            assertTrue(output.contains("Breakpoint 1, count () at " + program + ":17"), output);
            assertTrue(output.contains("Line 17 of \"" + program + "\""), output);
            assertTrue(output.contains("Line 18 of \"" + program + "\""), output);
            assertTrue(output.matches("(?s).*satp\\s+0x8000000000080300.*"), output);
            assertTrue(output.contains("0xffffffffffffffff"), output);
            assertTrue(output.contains("Hardware watchpoint 2: counter"), output);
            assertTrue(output.contains("count () at " + program + ":18"), "reported after the store, at the next line: " + output);
            assertTrue(output.contains("Old value = 1") && output.contains("New value = 2"), output);
            assertTrue(output.contains("monitor chariot modules"), output);
            assertTrue(output.contains("exited normally"), output);
            assertEquals(0, run.get(30, TimeUnit.SECONDS).exitCode());
        }
    }
}
