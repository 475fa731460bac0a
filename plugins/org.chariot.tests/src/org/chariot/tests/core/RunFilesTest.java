package org.chariot.tests.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;

import org.chariot.core.launch.RunFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunFilesTest {

	private static final LocalDateTime NOW = LocalDateTime.of(2026, 11, 25, 13, 5, 7, 42_000_000);

	@TempDir
	Path directory;

	@Test
	void keepsEveryRunOfAConfigurationInItsOwnDirectory() throws Exception {
		RunFiles runs = new RunFiles(directory);
		Path first = Files.createFile(runs.newEventFile("hello driver/debug", NOW));
		Path second = runs.newEventFile("hello driver/debug", NOW);

		assertEquals(directory.resolve("hello_driver_debug/20261125-130507-042.jsonl"), first);
		assertNotEquals(first, second, "a second run in the same millisecond gets its own file");
		assertEquals(first.getParent(), second.getParent());
	}
}
