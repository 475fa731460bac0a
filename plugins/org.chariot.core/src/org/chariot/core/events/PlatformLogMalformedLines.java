package org.chariot.core.events;

import java.nio.file.Path;

import org.eclipse.core.runtime.ILog;

/** Reports unreadable event lines as warnings in the platform log (the Error Log view), naming file and line. */
public final class PlatformLogMalformedLines implements MalformedLineListener {

	private static final int MAX_QUOTED_CHARACTERS = 200;

	private final Path file;

	public PlatformLogMalformedLines(Path file) {
		this.file = file;
	}

	@Override
	public void malformedLine(long lineNumber, String line, MalformedEventException problem) {
		String quoted = line.length() > MAX_QUOTED_CHARACTERS ? line.substring(0, MAX_QUOTED_CHARACTERS) + "..." : line;
		ILog.of(PlatformLogMalformedLines.class).warn("Skipped line " + lineNumber + " of the event file " + file
				+ ": " + problem.getMessage() + ": " + quoted);
	}
}
