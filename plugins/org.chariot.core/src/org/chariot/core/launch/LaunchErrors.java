package org.chariot.core.launch;

import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.Status;

/** Launch problems the user can fix, as CoreExceptions whose message says how. */
final class LaunchErrors {

	private LaunchErrors() {
	}

	static CoreException error(String message) {
		return new CoreException(Status.error(message));
	}

	static CoreException error(String message, Throwable cause) {
		return new CoreException(Status.error(message, cause));
	}
}
