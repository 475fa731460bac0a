package org.chariot.emulator.kunit;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads KUnit's KTAP output from the guest console, line by line, amid the kernel's other messages:
 * a suite opens with an indented {@code # Subtest: name}, each case ends with an indented
 * {@code ok N name} or {@code not ok N name} (a {@code # SKIP reason} directive when skipped), the
 * suite with the same line unindented. Indented {@code #} lines before a case's result are its
 * diagnostics; a parameterised case's own results (indented twice) are kept as diagnostics too.
 */
public final class KtapParser {

    private static final Pattern PRINTK_PREFIX = Pattern.compile("^\\[\\s*\\d+\\.\\d+\\] ");
    private static final Pattern SUBTEST = Pattern.compile("^ {4}# Subtest: (\\S+)$");
    private static final Pattern RESULT = Pattern.compile("^( *)(ok|not ok) \\d+ (?:- )?(\\S+)(?: # (SKIP|TODO)\\s*(.*))?$");
    private static final Pattern STATISTICS = Pattern.compile("^ *# (\\S+: )?pass:\\d+ fail:\\d+ skip:\\d+ total:\\d+$");
    private static final String CASE_INDENT = "    ";

    private String suite;
    private final List<String> diagnostics = new ArrayList<>();

    /** Whether a suite has begun and not yet ended. */
    public boolean inSuite() {
        return suite != null;
    }

    /** Takes the next console line; returns the result it completes, if any. */
    public Optional<KtapResult> accept(String consoleLine) {
        String line = PRINTK_PREFIX.matcher(consoleLine).replaceFirst("");
        Matcher subtest = SUBTEST.matcher(line);
        if (subtest.matches()) {
            suite = subtest.group(1);
            diagnostics.clear();
            return Optional.empty();
        }
        if (suite == null) {
            return Optional.empty();
        }
        Matcher result = RESULT.matcher(line);
        if (result.matches()) {
            return finished(result);
        }
        if (line.startsWith(CASE_INDENT) && !STATISTICS.matcher(line).matches() && !line.isBlank()
                && !line.trim().matches("1\\.\\.\\d+|KTAP version \\d+")) {
            diagnostics.add(line.trim());
        }
        return Optional.empty();
    }

    private Optional<KtapResult> finished(Matcher result) {
        int indent = result.group(1).length();
        boolean ok = result.group(2).equals("ok");
        String name = result.group(3);
        String directive = result.group(4) == null ? null : result.group(5).isBlank() ? result.group(4) : result.group(5);
        if (indent > CASE_INDENT.length()) {
            diagnostics.add(result.group(0).trim());
            return Optional.empty();
        }
        KtapResult completed = new KtapResult(suite, indent == 0 ? null : name, ok, directive, diagnostics);
        diagnostics.clear();
        if (indent == 0) {
            suite = null;
        }
        return Optional.of(completed);
    }
}
