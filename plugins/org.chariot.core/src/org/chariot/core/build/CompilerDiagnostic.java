package org.chariot.core.build;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One message of GCC about a line of C ("file:line:column: error: message"), as the chariot command passes the
 * compiler's output on (indented, behind "| ").
 */
public record CompilerDiagnostic(String file, int line, boolean error, String message) {

	private static final Pattern GCC = Pattern.compile(
			"^\\s*(?:\\|\\s)?\\s*(?<file>[^\\s:][^:]*\\.[chS]):(?<line>\\d+):(?:\\d+:)?\\s+(?<severity>fatal error|error|warning):\\s+(?<message>.*)$");

	/** The diagnostic on the line, if it is one; notes and the compiler's other chatter are not. */
	public static Optional<CompilerDiagnostic> parse(String outputLine) {
		Matcher matcher = GCC.matcher(outputLine);
		if (!matcher.matches()) {
			return Optional.empty();
		}
		return Optional.of(new CompilerDiagnostic(matcher.group("file"), Integer.parseInt(matcher.group("line")),
				!matcher.group("severity").equals("warning"), matcher.group("message").strip()));
	}
}
