package org.chariot.tests.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.chariot.core.events.ChariotEvent;
import org.chariot.core.events.EventParser;
import org.chariot.core.events.KunitSuite;
import org.chariot.core.events.TestResult;
import org.chariot.core.events.ViolationKind;
import org.chariot.core.events.ViolationModel;
import org.chariot.tests.support.TestResources;
import org.junit.jupiter.api.Test;

/** The test records of a real KUnit run, read into the run's model as the KUnit view shows them. */
class KunitResultsTest {

	private static ViolationModel load() throws Exception {
		EventParser parser = new EventParser();
		List<ChariotEvent> events = new ArrayList<>();
		for (String line : TestResources.read(TestResources.RECORDED_KUNIT_RUN).lines().toList()) {
			parser.parse(line).ifPresent(events::add);
		}
		ViolationModel model = new ViolationModel("buggy kunit");
		model.append(events);
		return model;
	}

	@Test
	void theSuiteHasItsCasesWithTheirResultsAndSources() throws Exception {
		List<KunitSuite> suites = KunitSuite.of(load().tests());
		assertEquals(List.of("buggy_store"), suites.stream().map(KunitSuite::name).toList());
		KunitSuite suite = suites.getFirst();
		assertEquals(List.of("buggy_store_fills_within_bounds", "buggy_store_overflows", "buggy_store_expects_wrongly"),
				suite.cases().stream().map(TestResult::name).toList());
		assertEquals(2, suite.count(TestResult.Outcome.PASSED));
		assertEquals(1, suite.count(TestResult.Outcome.FAILED));
		TestResult failed = suite.cases().get(2);
		assertTrue(failed.message().contains("EXPECTATION FAILED"), failed.message());
		assertTrue(failed.source().orElseThrow().file().endsWith("buggy_store_test.c"));
		assertTrue(failed.source().orElseThrow().line() > 0);
	}

	@Test
	void theOverflowIsUnderTheCaseDuringWhichItHappened() throws Exception {
		ViolationModel model = load();
		TestResult overflow = KunitSuite.of(model.tests()).getFirst().cases().get(1);
		assertEquals(List.of(1L), overflow.violationIds());
		assertTrue(overflow.unsuccessful(), "a case with a violation counts against the run");
		assertEquals(ViolationKind.HEAP_OVERFLOW, model.violation(1).orElseThrow().kind());
		assertEquals(1, KunitSuite.of(model.tests()).getFirst().withViolations());
	}

	@Test
	void theInitsStepsAreTestsButNoSuite() throws Exception {
		ViolationModel model = load();
		assertTrue(model.tests().stream().anyMatch(t -> !t.kunit() && t.name().equals("load buggy_store")));
		assertEquals(1, KunitSuite.of(model.tests()).size());
	}
}
