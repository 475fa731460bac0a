package org.chariot.core.events;

/** Told about each line of an event file that cannot be read; the reader skips the line and goes on. */
@FunctionalInterface
public interface MalformedLineListener {

	void malformedLine(long lineNumber, String line, MalformedEventException problem);
}
