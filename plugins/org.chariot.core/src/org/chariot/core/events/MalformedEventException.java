package org.chariot.core.events;

/** A line of the event stream that is not a record the contract describes. */
public class MalformedEventException extends Exception {

	private static final long serialVersionUID = 1L;

	public MalformedEventException(String message) {
		super(message);
	}

	public MalformedEventException(String message, Throwable cause) {
		super(message, cause);
	}
}
