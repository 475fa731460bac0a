package org.chariot.core.events;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Loads a recorded run. */
public final class EventFiles {

	private EventFiles() {
	}

	/** Reads a whole event file into a new model; unreadable lines are logged and skipped. */
	public static ViolationModel load(Path file) throws IOException {
		if (!Files.isRegularFile(file)) {
			throw new IOException("No event file at " + file + ": choose a .jsonl file written by 'chariot run --json'.");
		}
		ViolationModel model = new ViolationModel(file.getFileName().toString());
		model.append(new EventStreamReader(file, new PlatformLogMalformedLines(file)).readRemaining());
		return model;
	}
}
