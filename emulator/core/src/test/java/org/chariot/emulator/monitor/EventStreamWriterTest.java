package org.chariot.emulator.monitor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.chariot.emulator.events.EventStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the run's event file gets from the monitor, and the console report of the same violation. */
class EventStreamWriterTest {

    @TempDir
    Path directory;

    @Test
    void writesModuleAndViolationRecordsAndTheConsoleReport() throws Exception {
        Path file = directory.resolve("events.jsonl");
        Grant object = new Grant(0xffffffd800e23390L, 0xffffffd800e233a0L, Grant.Kind.ALLOCATION, "kmalloc_trace(16)",
                new Frame(0xffffffff002a501dL, "buggy_init", "buggy.c", 20));
        Frame store = new Frame(0xffffffff002a5032L, "buggy_init", "buggy.c", 24);
        Violation violation = new Violation(1, "buggy", store.pc(), "sb a4,0(a5)", 0xffffffd800e233a0L, 1,
                new byte[] {0x41}, new byte[] {(byte) 0xcc}, ViolationKind.HEAP_OVERFLOW, "0 bytes past the end",
                object, List.of(store), store, "blocked");
        try (EventStream stream = EventStream.create(file)) {
            EventStreamWriter writer = new EventStreamWriter(stream, () -> 1234);
            writer.moduleLoaded("buggy", List.of(new ModuleSection(".data", 0xffffffff002a7000L, 16)));
            writer.violation(violation);
            writer.moduleUnloaded("buggy");
        }
        List<String> records = Files.readAllLines(file);
        assertEquals(List.of(
                "{\"type\":\"module\",\"t\":1234,\"name\":\"buggy\",\"event\":\"loaded\",\"sections\":[{\"name\":\".data\","
                        + "\"addr\":\"0xffffffff002a7000\",\"size\":16}]}",
                "{\"type\":\"violation\",\"t\":1234,\"id\":1,\"module\":\"buggy\",\"pc\":\"0xffffffff002a5032\","
                        + "\"insn\":\"sb a4,0(a5)\",\"addr\":\"0xffffffd800e233a0\",\"size\":1,\"value\":\"0x41\","
                        + "\"old\":\"0xcc\",\"kind\":\"heap-overflow\",\"target\":\"0 bytes past the end\","
                        + "\"alloc\":{\"addr\":\"0xffffffd800e23390\",\"size\":16,\"pc\":\"0xffffffff002a501d\","
                        + "\"function\":\"buggy_init\",\"file\":\"buggy.c\",\"line\":20},\"stack\":[{\"pc\":"
                        + "\"0xffffffff002a5032\",\"function\":\"buggy_init\",\"file\":\"buggy.c\",\"line\":24}],"
                        + "\"source\":{\"file\":\"buggy.c\",\"line\":24,\"function\":\"buggy_init\"},\"verdict\":\"blocked\"}",
                "{\"type\":\"module\",\"t\":1234,\"name\":\"buggy\",\"event\":\"unloaded\"}"), records);
        String report = ViolationReport.format(violation);
        assertTrue(report.contains("BUG: Chariot: heap-overflow in buggy_init"), report);
        assertTrue(report.contains("Source: buggy.c:24 buggy_init"), report);
    }
}
