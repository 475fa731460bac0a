package org.chariot.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.UnaryOperator;
import org.chariot.emulator.coverage.CoberturaWriter;
import org.chariot.emulator.coverage.CoverageReport;
import org.chariot.emulator.coverage.ExecutionCounts;
import org.chariot.emulator.coverage.LcovWriter;
import org.chariot.emulator.mmu.FetchObserver;
import org.chariot.emulator.reports.JUnitReport;
import org.chariot.emulator.reports.RunTests;
import org.chariot.emulator.reports.SarifReport;
import org.chariot.emulator.reports.TestRecord;
import org.chariot.emulator.run.ExitStatus;
import org.chariot.emulator.run.RunListener;
import org.chariot.emulator.run.RunListeners;
import org.chariot.emulator.run.RunRequest;
import org.chariot.emulator.run.RunResult;
import picocli.CommandLine.Option;

/**
 * What a run tests and reports beyond its console: KUnit suites, and the files it writes when it ends
 * for CI systems: JUnit XML, SARIF, coverage (lcov, Cobertura).
 */
final class ReportOptions {

    @Option(names = "--kunit",
            description = "Also load the KUnit suite modules the DRIVER directories build (modules that declare "
                + "kunit_test_suite), after the drivers, all isolated; print each suite and case with its result and the "
                + "violations that happened during it. A failed case fails the run (exit 1).")
    boolean kunit;

    @Option(names = "--kunit-filter", paramLabel = "SUITE[.CASE]",
            description = "With --kunit (implied): run only the suites and cases that match, globs as KUnit's "
                + "filter_glob takes them (e.g. chardev.chardev_test_seek or 'chardev*').")
    String kunitFilter;

    @Option(names = "--junit", paramLabel = "FILE", converter = Inputs.OutputFile.class,
            description = "Write JUnit XML to FILE: each step (load, exercise, unload) and each KUnit case a test "
                + "case, each violation a failure carrying its report.")
    Path junitFile;

    @Option(names = "--sarif", paramLabel = "FILE", converter = Inputs.OutputFile.class,
            description = "Write SARIF 2.1.0 to FILE: each violation a result at its source line (paths relative to "
                + "the current directory), with its call trace and allocation site, for code-scanning services.")
    Path sarifFile;

    @Option(names = "--coverage", paramLabel = "FILE", converter = Inputs.OutputFile.class,
            description = "Write line coverage of the isolated drivers' sources to FILE in lcov's .info format: lines "
                + "with code, lines executed, functions entered, branches taken each way.")
    Path lcovFile;

    @Option(names = "--coverage-xml", paramLabel = "FILE", converter = Inputs.OutputFile.class,
            description = "Write the same coverage as Cobertura XML to FILE (paths relative to the current directory).")
    Path coberturaFile;

    private final RunTests tests = new RunTests();
    private final ExecutionCounts executed = new ExecutionCounts();

    /** The run's KUnit selection, or null when KUnit suites are not asked for. */
    RunRequest.Kunit kunit() {
        return kunit || kunitFilter != null ? new RunRequest.Kunit(kunitFilter) : null;
    }

    boolean coverage() {
        return lcovFile != null || coberturaFile != null;
    }

    /** {@code listener} also telling what the reports need, when any is asked for. */
    RunListener following(RunListener listener) {
        RunListener all = junitFile != null || sarifFile != null || kunit() != null
                ? RunListeners.of(listener, tests) : listener;
        return coverage() ? RunListeners.of(all, executed) : all;
    }

    /** What sees the monitor's fetches: the coverage counter when coverage is asked for, else nothing. */
    UnaryOperator<FetchObserver> monitorFetches() {
        return coverage() ? executed::around : UnaryOperator.identity();
    }

    /** Prints the KUnit results on {@code reporter}, when they were asked for and the guest ran. */
    void printKunit(Reporter reporter, RunResult result) {
        if (kunit() != null && result.status() != ExitStatus.USAGE && result.status() != ExitStatus.BUILD_FAILED) {
            reporter.kunit(tests.records());
        }
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
        if (coverage()) {
            CoverageReport report = CoverageReport.of(executed);
            if (lcovFile != null) {
                LcovWriter.write(lcovFile, runName, report);
            }
            if (coberturaFile != null) {
                CoberturaWriter.write(coberturaFile, report, Path.of(""), System.currentTimeMillis());
            }
        }
    }
}
