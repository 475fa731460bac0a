package org.chariot.tests.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.chariot.core.events.EventStreamFollower;
import org.chariot.core.events.EventStreamReader;
import org.chariot.core.events.ViolationModel;
import org.chariot.tests.support.TestResources;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EventStreamFollowerTest {

	@TempDir
	Path directory;

	@Test
	void deliversViolationsWhileTheFileGrowsAndTheRestAtTheEnd() throws Exception {
		Path file = directory.resolve("run.jsonl");
		List<String> lines = TestResources.read(TestResources.SAMPLE_RUN).lines().toList();
		ViolationModel model = new ViolationModel("follow");
		CompletableFuture<Integer> firstViolation = new CompletableFuture<>();
		model.addListener((changed, added) -> firstViolation.complete(changed.size()));
		EventStreamFollower follower = new EventStreamFollower(
				new EventStreamReader(file, (number, line, problem) -> {
					throw new AssertionError("line " + number + " rejected: " + problem.getMessage());
				}), model);

		follower.start();
		append(file, String.join("\n", lines.subList(0, 4)) + "\n");
		assertEquals(1, firstViolation.get(10, TimeUnit.SECONDS), "the first violation arrives while the run goes on");

		append(file, String.join("\n", lines.subList(4, lines.size()))); // the writer ends without a newline
		assertTrue(follower.finish(Duration.ofSeconds(10)));
		assertEquals(3, model.size());
		assertTrue(model.summary().isPresent(), "the last line, without newline, is read at the end");
	}

	private static void append(Path file, String text) throws IOException {
		Files.writeString(file, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
	}
}
