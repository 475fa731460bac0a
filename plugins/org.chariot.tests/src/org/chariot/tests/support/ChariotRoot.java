package org.chariot.tests.support;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The Chariot checkout the tests run in, for tests that run the real emulator through its {@code chariot} script.
 * They need the guest kit, which {@code ./chariot test} passes as {@code -Dchariot.kit}; without it they are skipped
 * with that reason.
 */
public final class ChariotRoot {

	private ChariotRoot() {
	}

	/** The checkout's root, or the test is skipped when no guest kit was given. */
	public static Path require() {
		String kit = System.getProperty("chariot.kit", "");
		assumeTrue(!kit.isBlank() && Files.isRegularFile(Path.of(kit, "Image")),
				"no guest kit: run the tests with ./chariot test (it passes -Dchariot.kit=<kit dir>)");
		Path root = Path.of(System.getProperty("chariot.root", "")).toAbsolutePath().normalize();
		assumeTrue(Files.isExecutable(root.resolve("chariot")), "chariot.root does not name the checkout: " + root);
		return root;
	}

	/** Copies an example driver's files (examples/drivers/NAME) into {@code target}, so its build stays there. */
	public static Path copyExample(Path root, String name, Path target) throws IOException {
		Files.createDirectories(target);
		try (Stream<Path> files = Files.list(root.resolve("examples/drivers").resolve(name))) {
			for (Path file : files.filter(Files::isRegularFile).toList()) {
				Files.copy(file, target.resolve(file.getFileName()));
			}
		}
		return target;
	}

	/** The 1-based line of a driver file that holds {@code text} (e.g. the example's {@code BUG:} comment). */
	public static int lineOf(Path file, String text) throws IOException {
		List<String> lines = Files.readAllLines(file);
		for (int i = 0; i < lines.size(); i++) {
			if (lines.get(i).contains(text)) {
				return i + 1;
			}
		}
		throw new AssertionError(file + " has no line with '" + text + "'");
	}
}
