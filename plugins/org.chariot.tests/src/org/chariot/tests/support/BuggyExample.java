package org.chariot.tests.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * One of examples/drivers/buggy-*: its one bad line, marked in its C source by a comment "BUG: kind", is what a run
 * must report. The expectation is read from the source, never written into a test.
 */
public record BuggyExample(Path directory, String sourceFile, int bugLine, String kind) {

	private static final Pattern BUG_COMMENT = Pattern.compile("/\\* BUG: ([a-z-]+) \\*/");

	public static BuggyExample of(String name) {
		Path directory = ChariotCheckout.example(name);
		try (Stream<Path> files = Files.list(directory)) {
			List<BuggyExample> bugs = files.filter(file -> file.toString().endsWith(".c")).sorted()
					.flatMap(file -> bugsIn(directory, file).stream()).toList();
			if (bugs.size() != 1) {
				throw new IllegalStateException(name + " marks " + bugs.size() + " lines with BUG, not one");
			}
			return bugs.get(0);
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private static List<BuggyExample> bugsIn(Path directory, Path file) {
		try {
			List<String> lines = Files.readAllLines(file);
			return IntStream.range(0, lines.size()).mapToObj(index -> {
				Matcher bug = BUG_COMMENT.matcher(lines.get(index));
				return bug.find() ? new BuggyExample(directory, file.getFileName().toString(), index + 1, bug.group(1))
						: null;
			}).filter(Objects::nonNull).toList();
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** The example's name, its directory's. */
	public String name() {
		return directory.getFileName().toString();
	}
}
