package org.chariot.debug.breakpoints;

import org.eclipse.debug.core.model.IBreakpoint;
import org.eclipse.debug.core.model.ILineBreakpoint;

/**
 * CDT's C line breakpoints, known by their debug model id only: when CDT is installed its C editor sets its own
 * breakpoints, and a Chariot debug session honours those too. CDT's debug bundles are not in any registry this
 * project can build against, so no CDT class is named; without CDT there are simply no such breakpoints.
 */
public final class CdtBreakpoints {

	/** The debug model id of CDT's breakpoints (CDIDebugModel.getPluginIdentifier()). */
	public static final String CDT_MODEL_ID = "org.eclipse.cdt.debug.core";

	private CdtBreakpoints() {
	}

	/** A breakpoint on a line of a C file set by CDT's editor. */
	public static boolean isCdtLineBreakpoint(IBreakpoint breakpoint) {
		return breakpoint instanceof ILineBreakpoint && CDT_MODEL_ID.equals(breakpoint.getModelIdentifier());
	}
}
