package org.chariot.tests.support;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * The Chariot checkout these tests were built from, and its built guest kit: what the tests that run the real
 * emulator and compiler need. Without a kit (a plain 'mvn verify' rather than './chariot test') they are skipped.
 */
public final class ChariotCheckout {

	private ChariotCheckout() {
	}

	public static Path root() {
		return Path.of(System.getProperty("chariot.root", "../..")).toAbsolutePath().normalize();
	}

	/** The guest kit; skips the calling test, saying why, when there is none. */
	public static Path kit() {
		String kit = System.getProperty("chariot.kit", "");
		assumeTrue(!kit.isBlank() && Files.isRegularFile(Path.of(kit, "Makefile")),
				"no guest kit given: './chariot test' builds it and passes -Dchariot.kit (got '" + kit + "')");
		return Path.of(kit);
	}

	public static Path example(String name) {
		return root().resolve("examples/drivers").resolve(name);
	}

	/** Copies an example driver's files into {@code target}, so that building it leaves the checkout alone. */
	public static Path copyOfExample(String name, Path target) throws IOException {
		Files.createDirectories(target);
		try (Stream<Path> files = Files.list(example(name))) {
			for (Path file : files.filter(Files::isRegularFile).toList()) {
				Files.copy(file, target.resolve(file.getFileName()));
			}
		}
		return target;
	}
}
