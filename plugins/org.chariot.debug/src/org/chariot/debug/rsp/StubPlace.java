package org.chariot.debug.rsp;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A place in the guest as the stub's {@code monitor chariot where} and {@code monitor chariot frames} print it:
 * {@code #N 0xPC SYMBOL[ at FILE:LINE]}; the file is the path the compiler recorded in the driver's DWARF.
 */
public record StubPlace(long pc, String symbol, Optional<String> file, int line) {

	private static final Pattern LINE = Pattern.compile("#\\d+ 0x([0-9a-f]+) (\\S+)(?: at (.+):(\\d+))?");

	/** The places in a monitor command's output, in order; other lines (messages) are skipped. */
	public static List<StubPlace> parseAll(String output) {
		List<StubPlace> places = new ArrayList<>();
		for (String line : output.split("\n")) {
			Matcher matcher = LINE.matcher(line.strip());
			if (matcher.matches()) {
				places.add(new StubPlace(Long.parseUnsignedLong(matcher.group(1), 16), matcher.group(2),
						Optional.ofNullable(matcher.group(3)),
						matcher.group(4) == null ? -1 : Integer.parseInt(matcher.group(4))));
			}
		}
		return List.copyOf(places);
	}

	/** The function part of the symbol ({@code name} of {@code name+0xoffset}). */
	public String function() {
		int plus = symbol.indexOf('+');
		return plus < 0 ? symbol : symbol.substring(0, plus);
	}

	public boolean hasSource() {
		return file.isPresent();
	}

	/** Whether both are on the same source line (the same function's line, not just the same number). */
	public boolean sameLine(StubPlace other) {
		return file.equals(other.file) && line == other.line && function().equals(other.function());
	}
}
