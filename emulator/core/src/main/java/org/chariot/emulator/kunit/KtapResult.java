package org.chariot.emulator.kunit;

import java.util.List;

/**
 * A result line of KUnit's KTAP output: a test case of a suite, or a whole suite.
 *
 * @param testCase the case's name, or null for the suite's own result
 * @param directive a {@code # SKIP} reason, or null
 * @param diagnostics the {@code #} lines KUnit printed for the case before its result (failed expectations, logs)
 */
public record KtapResult(String suite, String testCase, boolean ok, String directive, List<String> diagnostics) {

    public KtapResult {
        diagnostics = List.copyOf(diagnostics);
    }

    public boolean skipped() {
        return directive != null;
    }

    public boolean isSuite() {
        return testCase == null;
    }
}
