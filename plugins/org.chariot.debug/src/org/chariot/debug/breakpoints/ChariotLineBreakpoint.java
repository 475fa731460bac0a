package org.chariot.debug.breakpoints;

import org.chariot.debug.ChariotDebug;
import org.eclipse.core.resources.IMarker;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.debug.core.DebugPlugin;
import org.eclipse.debug.core.model.IBreakpoint;
import org.eclipse.debug.core.model.LineBreakpoint;

/**
 * A breakpoint on a line of a driver's C file. Its marker type is persistent (plugin.xml), so breakpoints survive a
 * restart of the IDE; the platform recreates them through the no-argument constructor.
 */
public final class ChariotLineBreakpoint extends LineBreakpoint {

	public static final String MARKER_TYPE = "org.chariot.debug.lineBreakpointMarker";

	/** For the breakpoint manager, which restores breakpoints from their markers. */
	public ChariotLineBreakpoint() {
	}

	/** Creates the breakpoint and its marker and registers it with the breakpoint manager. */
	public static ChariotLineBreakpoint create(IResource file, int line) throws CoreException {
		ChariotLineBreakpoint breakpoint = new ChariotLineBreakpoint();
		file.getWorkspace().run(monitor -> {
			IMarker marker = file.createMarker(MARKER_TYPE);
			marker.setAttribute(IBreakpoint.ID, ChariotDebug.MODEL_ID);
			marker.setAttribute(IMarker.LINE_NUMBER, line);
			marker.setAttribute(IBreakpoint.ENABLED, true);
			marker.setAttribute(IBreakpoint.PERSISTED, true);
			marker.setAttribute(IMarker.MESSAGE, "Chariot line breakpoint: " + file.getName() + " [line: " + line + "]");
			breakpoint.setMarker(marker);
		}, file.getWorkspace().getRuleFactory().markerRule(file), 0, null);
		DebugPlugin.getDefault().getBreakpointManager().addBreakpoint(breakpoint);
		return breakpoint;
	}

	@Override
	public String getModelIdentifier() {
		return ChariotDebug.MODEL_ID;
	}
}
