package org.chariot.debug.model;

import org.eclipse.debug.core.DebugEvent;

/** The source-level steps, with the detail of the debug event that starts each. */
enum StepKind {
	INTO(DebugEvent.STEP_INTO), OVER(DebugEvent.STEP_OVER), RETURN(DebugEvent.STEP_RETURN);

	final int eventDetail;

	StepKind(int eventDetail) {
		this.eventDetail = eventDetail;
	}
}
