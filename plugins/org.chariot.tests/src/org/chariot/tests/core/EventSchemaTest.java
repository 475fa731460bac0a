package org.chariot.tests.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.chariot.tests.support.TestResources;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.networknt.schema.InputFormat;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

/** The schema document in the core bundle is the contract: the recorded run must satisfy it, broken records not. */
class EventSchemaTest {

	private static JsonSchema schema;

	@BeforeAll
	static void loadSchema() throws Exception {
		schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(TestResources.schema());
	}

	@Test
	void everyRecordOfTheSampleRunSatisfiesTheSchema() throws Exception {
		List<String> lines = TestResources.read(TestResources.SAMPLE_RUN).lines().toList();
		assertEquals(8, lines.size());
		for (String line : lines) {
			assertEquals(Set.of(), schema.validate(line, InputFormat.JSON), line);
		}
	}

	@Test
	void everyRecordTheEmulatorWroteSatisfiesTheSchema() throws Exception {
		List<String> lines = TestResources.read(TestResources.RECORDED_QEMU_RUN).lines().toList();
		assertEquals(117, lines.size());
		for (String line : lines) {
			assertEquals(Set.of(), schema.validate(line, InputFormat.JSON), line);
		}
	}

	@Test
	void everyRecordOfAnIsolatedRunSatisfiesTheSchema() throws Exception {
		List<String> lines = TestResources.read(TestResources.RECORDED_ISOLATED_RUN).lines().toList();
		assertEquals(Set.of("run", "console", "module", "grant", "violation", "summary"),
				lines.stream().map(line -> line.substring(9, line.indexOf('"', 9))).collect(Collectors.toSet()));
		for (String line : lines) {
			assertEquals(Set.of(), schema.validate(line, InputFormat.JSON), line);
		}
	}

	@Test
	void everyRecordOfAKunitRunSatisfiesTheSchema() throws Exception {
		List<String> lines = TestResources.read(TestResources.RECORDED_KUNIT_RUN).lines().toList();
		assertEquals(9, lines.stream().filter(line -> line.startsWith("{\"type\":\"test\"")).count());
		for (String line : lines) {
			assertEquals(Set.of(), schema.validate(line, InputFormat.JSON), line);
		}
	}

	@Test
	void rejectsATestWithAnOutcomeOutsideTheContract() throws Exception {
		String test = TestResources.read(TestResources.RECORDED_KUNIT_RUN).lines()
				.filter(line -> line.contains("\"type\":\"test\"")).findFirst().orElseThrow();
		assertInvalid(test.replace("\"passed\"", "\"green\""));
	}

	@Test
	void rejectsAViolationWithoutSourceLine() throws Exception {
		String violation = TestResources.read(TestResources.SAMPLE_RUN).lines().skip(4).findFirst().orElseThrow();
		assertInvalid(violation.replace("\"line\":24,", ""));
	}

	@Test
	void rejectsAKindOutsideTheContract() throws Exception {
		String violation = TestResources.read(TestResources.SAMPLE_RUN).lines().skip(4).findFirst().orElseThrow();
		assertInvalid(violation.replace("\"heap-overflow\"", "\"heap-overrun\""));
	}

	@Test
	void rejectsADecimalAddress() throws Exception {
		assertInvalid("{\"type\":\"module\",\"t\":1,\"name\":\"m\",\"event\":\"loaded\","
				+ "\"sections\":[{\"name\":\".text\",\"addr\":\"4096\",\"size\":4}]}");
	}

	private static void assertInvalid(String record) {
		Set<ValidationMessage> problems = schema.validate(record, InputFormat.JSON);
		assertFalse(problems.isEmpty(), "accepted: " + record);
	}
}
