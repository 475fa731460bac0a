package org.chariot.tests.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.chariot.core.events.Address;
import org.chariot.core.events.ChariotEvent;
import org.chariot.core.events.EventParser;
import org.chariot.core.events.MalformedEventException;
import org.chariot.core.events.ModuleChanged;
import org.chariot.core.events.RunStarted;
import org.chariot.core.events.RunSummary;
import org.chariot.core.events.Verdict;
import org.chariot.core.events.Violation;
import org.chariot.core.events.ViolationKind;
import org.chariot.tests.support.TestResources;
import org.junit.jupiter.api.Test;

class EventParserTest {

	private final EventParser parser = new EventParser();

	@Test
	void readsEveryRecordOfTheSampleRun() throws Exception {
		List<String> lines = TestResources.read(TestResources.SAMPLE_RUN).lines().toList();
		List<ChariotEvent> events = lines.stream().map(this::parse).toList();

		RunStarted run = assertInstanceOf(RunStarted.class, events.get(0));
		assertEquals(Optional.of("block"), run.policy());
		assertEquals("ours", run.machine());
		assertEquals(List.of("hello_drv"), run.isolatedModules());
		ModuleChanged loaded = assertInstanceOf(ModuleChanged.class, events.get(1));
		assertTrue(loaded.loaded());
		assertEquals(new Address(0xffffffff01a3c000L), loaded.sections().get(0).address());
		RunSummary summary = assertInstanceOf(RunSummary.class, events.get(events.size() - 1));
		assertEquals(Map.of("kernel-data", 1, "heap-overflow", 1, "use-after-free", 1), summary.violationsByKind());
		assertEquals(0, summary.exitCode());
	}

	@Test
	void readsTheRecordsTheEmulatorWrote() throws Exception {
		List<ChariotEvent> events = TestResources.read(TestResources.RECORDED_QEMU_RUN).lines().map(this::parse).toList();

		assertEquals("qemu", assertInstanceOf(RunStarted.class, events.get(0)).machine());
		assertEquals(List.of("chardev loaded", "chardev unloaded"), events.stream()
				.filter(ModuleChanged.class::isInstance).map(ModuleChanged.class::cast)
				.map(module -> module.name() + (module.loaded() ? " loaded" : " unloaded")).toList());
		RunSummary summary = assertInstanceOf(RunSummary.class, events.get(events.size() - 1));
		assertEquals("ok", summary.status());
		assertEquals(Map.of(), summary.violationsByKind());
	}

	@Test
	void readsAViolationWithItsStackAndAllocationSite() throws Exception {
		String line = TestResources.read(TestResources.SAMPLE_RUN).lines().skip(4).findFirst().orElseThrow();
		Violation violation = assertInstanceOf(Violation.class, parse(line));

		assertEquals(2, violation.id());
		assertEquals(ViolationKind.HEAP_OVERFLOW, violation.kind());
		assertEquals(new Address(0xffffffff8123c410L), violation.address());
		assertEquals(1, violation.size());
		assertEquals(24, violation.source().line());
		assertEquals("hello_write", violation.source().function());
		assertEquals(Verdict.BLOCKED, violation.verdict());
		assertEquals(14, violation.allocation().orElseThrow().source().orElseThrow().line());
		assertEquals(3, violation.stack().size());
		assertTrue(violation.stack().get(1).source().isEmpty(), "kernel frames have no source line");
	}

	@Test
	void aViolationOfAModuleWithoutDebugInfoIsNamedByItsFirstFrame() throws Exception {
		String line = TestResources.read(TestResources.SAMPLE_RUN).lines().skip(4).findFirst().orElseThrow()
				.replaceFirst(",\"source\":\\{[^}]*\\}", "");
		Violation violation = assertInstanceOf(Violation.class, parse(line));

		assertFalse(violation.source().hasLine(), line);
		assertEquals(violation.stack().getFirst().function(), violation.source().function());
		assertEquals("no line information", violation.source().toString());
	}

	@Test
	void skipsRecordTypesItDoesNotKnow() throws Exception {
		assertTrue(parser.parse("{\"type\":\"heartbeat\",\"t\":5}").isEmpty());
	}

	@Test
	void readsAKindItDoesNotKnowAsUnknown() throws Exception {
		String line = TestResources.read(TestResources.SAMPLE_RUN).lines().skip(3).findFirst().orElseThrow()
				.replace("\"kernel-data\"", "\"kernel-percpu\"");
		assertEquals(ViolationKind.UNKNOWN, assertInstanceOf(Violation.class, parse(line)).kind());
	}

	@Test
	void rejectsLinesThatBreakTheContractSayingWhy() {
		assertProblem("not JSON", "{\"type\":\"run\",\"t\":0,");
		assertProblem("missing field 't'", "{\"type\":\"console\",\"line\":\"x\"}");
		assertProblem("field 'line' must be a string", "{\"type\":\"console\",\"t\":1,\"line\":4}");
		assertProblem("field 'addr'", "{\"type\":\"module\",\"t\":1,\"name\":\"m\",\"event\":\"loaded\","
				+ "\"sections\":[{\"name\":\".text\",\"addr\":\"12345\",\"size\":4}]}");
		assertProblem("expected an object", "[1,2]");
	}

	private void assertProblem(String expected, String line) {
		MalformedEventException problem = assertThrows(MalformedEventException.class, () -> parser.parse(line));
		assertTrue(problem.getMessage().contains(expected), problem.getMessage());
	}

	private ChariotEvent parse(String line) {
		try {
			return parser.parse(line).orElseThrow();
		} catch (MalformedEventException e) {
			throw new AssertionError("sample line rejected: " + e.getMessage() + ": " + line, e);
		}
	}
}
