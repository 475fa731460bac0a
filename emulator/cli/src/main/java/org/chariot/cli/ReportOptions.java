package org.chariot.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.chariot.emulator.reports.JUnitReport;
import org.chariot.emulator.reports.RunTests;
import org.chariot.emulator.reports.SarifReport;
import org.chariot.emulator.reports.TestRecord;
import org.chariot.emulator.run.RunListener;
import picocli.CommandLine.Option;

/** The report files a run writes when it ends, for CI systems: JUnit XML and SARIF. */
final class ReportOptions {

    @Option(names = "--junit", paramLabel = "FILE",
            description = "Write JUnit XML to FILE: each step (load, exercise, unload) and each KUnit case a test "
                + "case, each violation a failure carrying its report.")
    Path junitFile;

    @Option(names = "--sarif", paramLabel = "FILE",
            description = "Write SARIF 2.1.0 to FILE: each violation a result at its source line (paths relative to "
                + "the current directory), with its call trace and allocation site, for code-scanning services.")
    Path sarifFile;

    private final RunTests tests = new RunTests();

    private boolean wanted() {
        return junitFile != null || sarifFile != null;
    }

    /** {@code listener} also telling what the reports need, when any is asked for. */
    RunListener following(RunListener listener) {
        return wanted() ? RunListener.both(listener, tests) : listener;
    }

    /** Writes the reports asked for, once the run is over. */
    void write(String runName) throws IOException {
        List<TestRecord> records = tests.records();
        if (junitFile != null) {
            JUnitReport.write(junitFile, runName, records);
        }
        if (sarifFile != null) {
            new SarifReport(Path.of("")).write(sarifFile, records.stream().flatMap(r -> r.violations().stream()).toList());
        }
    }
}
