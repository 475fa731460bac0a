package org.chariot.emulator.kunit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.networknt.schema.InputFormat;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.chariot.emulator.events.EventStream;
import org.chariot.emulator.guest.GuestKit;
import org.chariot.emulator.guest.Installation;
import org.chariot.emulator.monitor.Policy;
import org.chariot.emulator.monitor.ViolationKind;
import org.chariot.emulator.reports.GuestRuns;
import org.chariot.emulator.reports.RunTests;
import org.chariot.emulator.reports.TestRecord;
import org.chariot.emulator.run.DriverRun;
import org.chariot.emulator.run.EventRecorder;
import org.chariot.emulator.run.ExitStatus;
import org.chariot.emulator.run.OwnMachine;
import org.chariot.emulator.run.RunListener;
import org.chariot.emulator.run.RunListeners;
import org.chariot.emulator.run.RunRequest;
import org.chariot.emulator.run.RunResult;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * KUnit suites run in the real guest after their driver, everything isolated under block: the
 * chardev example's own suite, a suite whose case overflows through its driver and whose other case
 * fails, the kit's own KUnit modules, and one case picked by the filter.
 */
class KunitTest {

    private static GuestKit kit;

    @TempDir
    Path work;

    @BeforeAll
    static void openKit() throws Exception {
        kit = GuestRuns.kit();
    }

    private RunResult run(List<Path> drivers, String filter, RunListener listener) {
        RunRequest request = new RunRequest(drivers, List.of(), null, List.of(), List.of(), 128, null,
                Duration.ofMinutes(3), Policy.BLOCK).withKunit(new RunRequest.Kunit(filter));
        return new DriverRun(kit, new OwnMachine(), work, listener).run(request);
    }

    private static Map<String, TestRecord> cases(RunTests tests, String suite) {
        return tests.records().stream().filter(t -> t.suite().equals(suite))
                .collect(Collectors.toMap(TestRecord::name, Function.identity()));
    }

    @Test
    void theChardevSuitePassesWithTheDriverIsolated() throws Exception {
        Path chardev = GuestRuns.example("chardev", work);
        RunTests tests = new RunTests();
        RunResult result = run(List.of(chardev), null, tests);
        assertEquals(ExitStatus.OK, result.status(), result::toString);
        Map<String, TestRecord> cases = cases(tests, "chardev");
        assertTrue(cases.size() >= 4, "at least four cases: " + cases.keySet());
        cases.values().forEach(c -> {
            assertEquals(TestRecord.Outcome.PASSED, c.outcome(), c::toString);
            assertEquals(List.of(), c.violations(), c.name());
        });
        TestRecord ioctls = cases.get("chardev_test_ioctls");
        List<String> source = Files.readAllLines(chardev.resolve("chardev_test.c"));
        assertEquals(chardev.resolve("chardev_test.c").toString(), ioctls.source().file());
        assertTrue(source.get(ioctls.source().line() - 1).contains("chardev_test_ioctls")
                || source.get(ioctls.source().line() - 2).contains("chardev_test_ioctls"),
                "the case's source line is where its function begins: " + ioctls.source());
    }

    @Test
    void aViolationBelongsToTheCaseDuringWhichItHappenedAndAFailedCaseFailsTheRun() throws Exception {
        Path buggy = GuestRuns.copy(Path.of("src/test/resources/drivers/kunit-buggy"), work);
        Path events = work.resolve("events.jsonl");
        RunTests tests = new RunTests();
        RunResult result;
        try (EventStream stream = EventStream.create(events)) {
            result = run(List.of(buggy), null, RunListeners.of(tests,
                    new RunTests(test -> stream.write(RunTests.toEvent(test))), EventRecorder.of(stream, kit.kernelIdentity())));
        }
        assertEquals(ExitStatus.DRIVER_FAILED, result.status(), result::toString);
        assertTrue(result.message().contains("KUnit case buggy_store.buggy_store_expects_wrongly failed"),
                result.message());
        Map<String, TestRecord> cases = cases(tests, "buggy_store");
        assertEquals(List.of(), cases.get("buggy_store_fills_within_bounds").violations());
        assertEquals(TestRecord.Outcome.PASSED, cases.get("buggy_store_fills_within_bounds").outcome());
        TestRecord overflow = cases.get("buggy_store_overflows");
        assertEquals(1, overflow.violations().size(), overflow::toString);
        assertEquals(ViolationKind.HEAP_OVERFLOW, overflow.violations().getFirst().kind());
        assertTrue(overflow.violations().getFirst().source().file().endsWith("buggy_store.c"));
        TestRecord wrong = cases.get("buggy_store_expects_wrongly");
        assertEquals(TestRecord.Outcome.FAILED, wrong.outcome());
        assertTrue(wrong.failure().contains("EXPECTATION FAILED"), wrong::toString);
        assertEquals(List.of(), wrong.violations());

        JsonSchema schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(
                Files.readString(Installation.fromEnvironment().examples().resolve(
                        "../../plugins/org.chariot.core/schema/event-stream.schema.json")));
        List<String> lines = Files.readAllLines(events);
        for (String line : lines) {
            assertEquals(Set.of(), schema.validate(line, InputFormat.JSON), line);
        }
        assertTrue(lines.stream().anyMatch(l -> l.contains("\"type\":\"test\"") && l.contains("buggy_store_overflows")
                && l.contains("\"violations\":[1]")), "the case's test record names its violation");
    }

    @Test
    void theKitsOwnKunitModulesRunTheSameWay() throws Exception {
        RunTests tests = new RunTests();
        RunResult result = run(List.of(kit.modules().module("kunit-example-test").file(),
                kit.modules().module("list-test").file()), null, tests);
        assertEquals(ExitStatus.OK, result.status(), result::toString);
        Map<String, TestRecord> example = cases(tests, "example");
        assertEquals(TestRecord.Outcome.PASSED, example.get("example_simple_test").outcome());
        assertEquals(TestRecord.Outcome.SKIPPED, example.get("example_skip_test").outcome());
        Map<String, TestRecord> list = cases(tests, "list-kunit-test");
        assertTrue(list.size() > 30, "the kernel's list tests: " + list.keySet());
        assertTrue(tests.records().stream().allMatch(t -> t.violations().isEmpty() && !t.unsuccessful()),
                tests.records().stream().filter(TestRecord::unsuccessful).toList()::toString);
    }

    @Test
    void theFilterRunsTheOneCaseItNames() throws Exception {
        Path chardev = GuestRuns.example("chardev", work);
        RunTests tests = new RunTests();
        RunResult result = run(List.of(chardev), "chardev.chardev_test_ioctls", tests);
        assertEquals(ExitStatus.OK, result.status(), result::toString);
        assertEquals(List.of("chardev_test_ioctls"),
                tests.records().stream().filter(t -> t.suite().equals("chardev")).map(TestRecord::name).toList());
    }
}
