package org.chariot.cli;

import java.io.PrintStream;
import java.util.List;
import org.chariot.emulator.monitor.ReportThrottle;
import org.chariot.emulator.monitor.Violation;
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
