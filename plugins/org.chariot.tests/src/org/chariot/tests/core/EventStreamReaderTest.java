package org.chariot.tests.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.chariot.core.events.ConsoleOutput;
import org.chariot.core.events.EventStreamReader;
import org.chariot.core.events.MalformedLineListener;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EventStreamReaderTest {

	private static final String FIRST = "{\"type\":\"console\",\"t\":1,\"line\":\"first\"}\n";
	private static final String SECOND = "{\"type\":\"console\",\"t\":2,\"line\":\"second\"}\n";

	@TempDir
	Path directory;

	private final List<String> malformed = new ArrayList<>();
	private final MalformedLineListener collect = (number, line, problem) -> malformed.add(number + ": " + line);

	@Test
	void readsNothingBeforeTheFileExists() throws IOException {
		assertEquals(List.of(), reader().readAvailable());
	}

	@Test
	void holdsAPartialLastLineBackUntilItsNewlineArrives() throws IOException {
		EventStreamReader reader = reader();
		int half = SECOND.length() / 2;
		append(FIRST + SECOND.substring(0, half));
		assertEquals(List.of("first"), texts(reader.readAvailable()));

		append(SECOND.substring(half));
		assertEquals(List.of("second"), texts(reader.readAvailable()));
		assertEquals(List.of(), reader.readAvailable());
		assertEquals(List.of(), malformed);
	}

	@Test
	void decodesACharacterSplitBetweenTwoWrites() throws IOException {
		EventStreamReader reader = reader();
		byte[] line = "{\"type\":\"console\",\"t\":3,\"line\":\"caf\u00e9\"}\n".getBytes(StandardCharsets.UTF_8);
		int insideTheE = new String(line, StandardCharsets.UTF_8).indexOf('\u00e9') + 1;
		append(Arrays.copyOfRange(line, 0, insideTheE));
		assertEquals(List.of(), reader.readAvailable());
		append(Arrays.copyOfRange(line, insideTheE, line.length));
		assertEquals(List.of("caf\u00e9"), texts(reader.readAvailable()));
	}

	@Test
	void skipsMalformedLinesAndReportsTheirNumbers() throws IOException {
		append(FIRST + "{\"type\":\"console\",\"t\":\n" + "\n" + "not json at all\n" + SECOND);
		assertEquals(List.of("first", "second"), texts(reader().readAvailable()));
		assertEquals(List.of("2: {\"type\":\"console\",\"t\":", "4: not json at all"), malformed);
	}

	@Test
	void readsALastLineWithoutNewlineOnlyWhenTheRunIsOver() throws IOException {
		EventStreamReader reader = reader();
		append(FIRST + SECOND.strip());
		assertEquals(List.of("first"), texts(reader.readAvailable()));
		assertEquals(List.of("second"), texts(reader.readRemaining()));
	}

	@Test
	void reportsATruncatedLastLineAtTheEnd() throws IOException {
		EventStreamReader reader = reader();
		append(FIRST + SECOND.substring(0, 10));
		assertEquals(List.of("first"), texts(reader.readRemaining()));
		assertEquals(1, malformed.size());
		assertTrue(malformed.get(0).startsWith("2: "), malformed.get(0));
	}

	private EventStreamReader reader() {
		return new EventStreamReader(file(), collect);
	}

	private Path file() {
		return directory.resolve("run.jsonl");
	}

	private void append(String text) throws IOException {
		append(text.getBytes(StandardCharsets.UTF_8));
	}

	private void append(byte[] bytes) throws IOException {
		Files.write(file(), bytes, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
	}

	private static List<String> texts(List<?> events) {
		return events.stream().map(event -> assertInstanceOf(ConsoleOutput.class, event).line()).toList();
	}
}
