package org.chariot.core.launch;

import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;

/** Launch problems the user can fix, as CoreExceptions whose message says how. */
final class LaunchErrors {

	static final String PLUGIN_ID = "org.chariot.core";

	private LaunchErrors() {
	}

	static CoreException error(String message) {
		return new CoreException(Status.error(message));
	}

	static CoreException error(String message, Throwable cause) {
		return new CoreException(new Status(IStatus.ERROR, PLUGIN_ID, message, cause));
	}
}
