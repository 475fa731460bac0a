package org.chariot.emulator.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.maven.plugin.surefire.log.api.NullConsoleLogger;
import org.apache.maven.plugins.surefire.report.ReportTestCase;
import org.apache.maven.plugins.surefire.report.ReportTestSuite;
import org.apache.maven.plugins.surefire.report.TestSuiteXmlParser;
import org.chariot.emulator.guest.GuestKit;
import org.chariot.emulator.run.ExitStatus;
import org.chariot.emulator.run.RunResult;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The reports of a real isolated run (the buggy-overflow example beside the character device with
 * its exercise), read back by real consumers: the JUnit XML by Surefire's own report parser, the
 * SARIF against the OASIS 2.1.0 schema.
 */
class ReportsTest {

    @TempDir
    static Path work;

    private static RunResult result;
    private static Path junit;
    private static Path sarif;
    private static JsonSchema sarifSchema;

    @BeforeAll
    static void runTheExamples() throws Exception {
        GuestKit kit = GuestRuns.kit();
        Path chardev = GuestRuns.example("chardev", work);
        RunTests tests = new RunTests();
        result = GuestRuns.run(kit, List.of(GuestRuns.example("buggy-overflow", work), chardev),
                chardev.resolve("exercise.c"), work, tests);
        junit = work.resolve("reports/junit.xml");
        JUnitReport.write(junit, "chariot run buggy-overflow chardev", tests.records());
        sarif = work.resolve("reports/chariot.sarif");
        new SarifReport(work).write(sarif, tests.records().stream().flatMap(t -> t.violations().stream()).toList());
        try (InputStream schema = ReportsTest.class.getResourceAsStream("/schema/sarif-schema-2.1.0.json")) {
            sarifSchema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(schema);
        }
    }

    @Test
    void surefireReadsEachStepAsATestCaseAndTheOverflowAsTheLoadStepsFailure() throws Exception {
        assertEquals(ExitStatus.VIOLATIONS, result.status(), result::toString);
        TestSuiteXmlParser parser = new TestSuiteXmlParser(new NullConsoleLogger());
        List<ReportTestSuite> suites = parser.parse(junit.toString());
        assertTrue(parser.isValid(), "Surefire's parser accepted the file");
        assertEquals(1, suites.size());
        ReportTestSuite steps = suites.getFirst();
        assertEquals(RunTests.STEPS, steps.getName());
        assertEquals(5, steps.getNumberOfTests());
        assertEquals(1, steps.getNumberOfFailures());
        Map<String, ReportTestCase> cases = steps.getTestCases().stream()
                .collect(Collectors.toMap(ReportTestCase::getName, Function.identity()));
        assertEquals(Set.of("load buggy_overflow", "load chardev", "exercise", "unload chardev",
                "unload buggy_overflow"), cases.keySet());
        ReportTestCase load = cases.get("load buggy_overflow");
        assertTrue(load.hasFailure());
        assertEquals("heap-overflow", load.getFailureType());
        assertTrue(load.getFailureMessage().contains("buggy_overflow.c:24"), load.getFailureMessage());
        assertTrue(load.getFailureDetail().contains("BUG: Chariot: heap-overflow in buggy_overflow_init"),
                "the failure carries the violation's report: " + load.getFailureDetail());
        assertTrue(cases.get("exercise").isSuccessful(), "the chardev exercise passed");
        assertTrue(cases.get("load chardev").isSuccessful());
    }

    @Test
    void theSarifLogSatisfiesTheOasisSchema() throws Exception {
        JsonNode log = new ObjectMapper().readTree(sarif.toFile());
        assertEquals(Set.of(), sarifSchema.validate(log));
    }

    @Test
    void theSchemaRefusesALogItDoesNotDescribe() throws Exception {
        ObjectNode log = (ObjectNode) new ObjectMapper().readTree(sarif.toFile());
        log.put("version", "2.0.0");
        Set<ValidationMessage> problems = sarifSchema.validate(log);
        assertFalse(problems.isEmpty(), "a wrong version must not pass: the validation is real");
    }

    @Test
    void theOverflowIsAResultAtItsLineWithTheCallTraceAndTheAllocationSite() throws Exception {
        JsonNode run = new ObjectMapper().readTree(sarif.toFile()).get("runs").get(0);
        assertEquals("heap-overflow", run.at("/tool/driver/rules/0/id").asText());
        JsonNode results = run.get("results");
        assertEquals(1, results.size());
        JsonNode overflow = results.get(0);
        assertEquals("heap-overflow", overflow.get("ruleId").asText());
        JsonNode where = overflow.at("/locations/0/physicalLocation");
        assertEquals("buggy-overflow/buggy_overflow.c", where.at("/artifactLocation/uri").asText(),
                "relative to the source root");
        assertEquals("SRCROOT", where.at("/artifactLocation/uriBaseId").asText());
        assertEquals(24, where.at("/region/startLine").asInt());
        assertEquals("buggy_overflow_init", overflow.at("/locations/0/logicalLocations/0/name").asText());
        List<String> related = overflow.get("relatedLocations").findValuesAsText("text");
        assertTrue(related.stream().anyMatch(t -> t.startsWith("allocation site of kmalloc_trace(16) object")), related::toString);
        assertTrue(related.stream().anyMatch(t -> t.contains("do_one_initcall")), "the kernel's frame: " + related);
        JsonNode allocation = overflow.get("relatedLocations").get(related.size() - 1);
        assertEquals(20, allocation.at("/physicalLocation/region/startLine").asInt(), "kmalloc's line");
    }
}
