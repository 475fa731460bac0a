package org.chariot.core.events;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads an event file that may still be growing: each call returns the records completed since the last one. A last
 * line without its newline is kept back until the writer finishes it; unreadable lines go to the listener and are
 * skipped. Not thread-safe: one reader per thread.
 */
public final class EventStreamReader {

	private static final int CHUNK_BYTES = 64 * 1024;

	private final Path file;
	private final EventParser parser = new EventParser();
	private final MalformedLineListener malformedLines;
	private final ByteArrayOutputStream partialLine = new ByteArrayOutputStream();
	private long position;
	private long lineNumber;

	public EventStreamReader(Path file, MalformedLineListener malformedLines) {
		this.file = file;
		this.malformedLines = malformedLines;
	}

	/** The records whose lines were completed since the last call; none if the file does not exist yet. */
	public List<ChariotEvent> readAvailable() throws IOException {
		List<ChariotEvent> events = new ArrayList<>();
		try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
			ByteBuffer buffer = ByteBuffer.allocate(CHUNK_BYTES);
			int read;
			while ((read = channel.read(buffer, position)) > 0) {
				position += read;
				collectLines(buffer.array(), read, events);
				buffer.clear();
			}
		} catch (NoSuchFileException e) {
			return List.of(); // the emulator has not created it yet
		}
		return events;
	}

	/** Like {@link #readAvailable()}, then also the last line if the writer ended without a newline. */
	public List<ChariotEvent> readRemaining() throws IOException {
		List<ChariotEvent> events = new ArrayList<>(readAvailable());
		if (partialLine.size() > 0) {
			parseLine(takePartialLine(), events);
		}
		return events;
	}

	private void collectLines(byte[] bytes, int length, List<ChariotEvent> events) {
		int lineStart = 0;
		for (int i = 0; i < length; i++) {
			if (bytes[i] == '\n') {
				partialLine.write(bytes, lineStart, i - lineStart);
				parseLine(takePartialLine(), events);
				lineStart = i + 1;
			}
		}
		partialLine.write(bytes, lineStart, length - lineStart);
	}

	/** Bytes, not characters, are kept back, so a UTF-8 sequence split across reads decodes whole. */
	private String takePartialLine() {
		String line = partialLine.toString(StandardCharsets.UTF_8);
		partialLine.reset();
		return line;
	}

	private void parseLine(String line, List<ChariotEvent> events) {
		lineNumber++;
		if (line.isBlank()) {
			return;
		}
		try {
			Optional<ChariotEvent> event = parser.parse(line);
			event.ifPresent(events::add);
		} catch (MalformedEventException e) {
			malformedLines.malformedLine(lineNumber, line, e);
		}
	}
}
