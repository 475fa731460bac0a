package org.chariot.core.events;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A KUnit suite of a run and its cases, in the order they ended. */
public record KunitSuite(String name, List<TestResult> cases) {

	public KunitSuite {
		cases = List.copyOf(cases);
	}

	/** The KUnit suites among a run's tests (the init's steps left out). */
	public static List<KunitSuite> of(List<TestResult> tests) {
		Map<String, List<TestResult>> suites = new LinkedHashMap<>();
		tests.stream().filter(TestResult::kunit)
				.forEach(test -> suites.computeIfAbsent(test.suite(), name -> new ArrayList<>()).add(test));
		return suites.entrySet().stream().map(entry -> new KunitSuite(entry.getKey(), entry.getValue())).toList();
	}

	public long count(TestResult.Outcome outcome) {
		return cases.stream().filter(test -> test.outcome() == outcome).count();
	}

	public long withViolations() {
		return cases.stream().filter(test -> !test.violationIds().isEmpty()).count();
	}
}
