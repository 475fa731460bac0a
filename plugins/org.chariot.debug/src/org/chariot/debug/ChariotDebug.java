package org.chariot.debug;

import org.eclipse.core.runtime.ILog;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.debug.core.DebugException;

/** The debug model's identity and its way to report problems. */
public final class ChariotDebug {

	public static final String PLUGIN_ID = "org.chariot.debug";
	/** The debug model identifier of every element and breakpoint of the model. */
	public static final String MODEL_ID = "org.chariot.debug";

	private ChariotDebug() {
	}

	public static DebugException error(String message, Throwable cause) {
		return new DebugException(Status.error(message, cause));
	}

	public static void log(IStatus status) {
		ILog.of(ChariotDebug.class).log(status);
	}
}
