package org.chariot.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.chariot.emulator.monitor.ReportThrottle;
import org.chariot.emulator.monitor.Violation;
import org.chariot.emulator.monitor.ViolationReport;
import org.chariot.emulator.reports.RunTests;
import org.chariot.emulator.reports.TestRecord;
import org.chariot.emulator.run.ExitStatus;
import org.chariot.emulator.run.RunListener;
import org.chariot.emulator.run.RunResult;

/**
 * What the command line prints: stages on standard error; the guest console, and each violation's
 * report where it happened (the first few of each site; the rest are counted), on standard output.
 */
final class Reporter implements RunListener {

    /** Full reports per site: enough to see a pattern, few enough that a storm leaves the console readable. */
    private static final int REPORTS_PER_SITE = 3;

    private final PrintStream out;
    private final PrintStream err;
    private final ReportThrottle reports = new ReportThrottle(REPORTS_PER_SITE);

    Reporter(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    static Reporter standard() {
        return new Reporter(System.out, System.err);
    }

    @Override
    public void stage(String message) {
        err.println("chariot: " + message);
    }

    @Override
    public void console(String line) {
        out.println(line);
    }

    @Override
    public void violation(Violation violation) {
        out.print(reports.format(violation));
    }

    /** The KUnit cases of a run, suite by suite: result, why it failed, and the violations during it. */
    void kunit(List<TestRecord> tests) {
        Map<String, List<TestRecord>> suites = new LinkedHashMap<>();
        tests.stream().filter(t -> !t.suite().equals(RunTests.STEPS))
                .forEach(t -> suites.computeIfAbsent(t.suite(), s -> new ArrayList<>()).add(t));
        if (suites.isEmpty()) {
            out.println("KUnit: no suite reported a result");
        }
        suites.forEach((suite, cases) -> {
            out.printf("KUnit suite %s: %d passed, %d failed, %d skipped, %d with violations%n", suite,
                    count(cases, TestRecord.Outcome.PASSED), count(cases, TestRecord.Outcome.FAILED),
                    count(cases, TestRecord.Outcome.SKIPPED), cases.stream().filter(c -> !c.violations().isEmpty()).count());
            for (TestRecord test : cases) {
                String verdict = switch (test.outcome()) {
                    case PASSED -> test.violations().isEmpty() ? "ok" : "VIOLATED";
                    case FAILED, ERROR -> "FAILED";
                    case SKIPPED -> "skipped";
                };
                out.printf("  %-8s %s%s%n", verdict, test.name(), test.failure() == null ? "" : ": " + test.failure());
                test.violations().forEach(v -> out.println("           " + ViolationReport.oneLine(v)));
            }
        });
    }

    private static long count(List<TestRecord> cases, TestRecord.Outcome outcome) {
        return cases.stream().filter(c -> c.outcome() == outcome).count();
    }

    /** An error with the lines that explain it (compiler messages, last console lines). */
    void error(String message, List<String> details) {
        err.println("chariot: error: " + message);
        details.forEach(line -> err.println("  " + line));
    }

    /** The closing line of a run, and on failure the evidence. */
    int finish(RunResult result) {
        reports.unreported().forEach(line -> err.println("chariot: " + line));
        if (result.succeeded()) {
            err.println("chariot: PASS: " + result.message());
        } else if (result.status() == ExitStatus.VIOLATIONS) {
            err.println("chariot: VIOLATIONS: " + result.message());
        } else {
            err.println("chariot: FAIL (" + result.status().name().toLowerCase().replace('_', ' ') + "): "
                    + result.message());
            if (!result.evidence().isEmpty()) {
                err.println("chariot: the lines that show it:");
                result.evidence().forEach(line -> err.println("  | " + line));
            }
        }
        return result.status().code();
    }
}
