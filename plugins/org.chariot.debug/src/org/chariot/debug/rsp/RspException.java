package org.chariot.debug.rsp;

import java.io.IOException;

/** The stub refused a request, answered nonsense, or the connection to it ended. */
public final class RspException extends IOException {

	private static final long serialVersionUID = 1L;

	public RspException(String message) {
		super(message);
	}

	public RspException(String message, Throwable cause) {
		super(message, cause);
	}
}
