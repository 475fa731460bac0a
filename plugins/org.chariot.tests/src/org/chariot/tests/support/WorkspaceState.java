package org.chariot.tests.support;

import org.chariot.core.markers.ViolationMarkers;
import org.chariot.debug.ChariotDebug;
import org.eclipse.core.resources.IMarker;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.debug.core.DebugPlugin;
import org.eclipse.debug.core.model.IBreakpoint;
import org.eclipse.equinox.app.IApplication;
import org.eclipse.equinox.app.IApplicationContext;

/**
 * A headless application that prints what a workspace holds of Chariot's state when Eclipse opens it: one line per
 * violation marker ({@code violation FILE:LINE KIND}) and per Chariot breakpoint the breakpoint manager restored
 * ({@code breakpoint FILE:LINE enabled|disabled}). Tests start it in a second Eclipse on a saved workspace.
 */
public final class WorkspaceState implements IApplication {

	@Override
	public Object start(IApplicationContext context) throws Exception {
		for (IMarker marker : ResourcesPlugin.getWorkspace().getRoot().findMarkers(ViolationMarkers.TYPE, false,
				IResource.DEPTH_INFINITE)) {
			System.out.println("violation " + place(marker) + " " + marker.getAttribute(ViolationMarkers.KIND, "?"));
		}
		for (IBreakpoint breakpoint : DebugPlugin.getDefault().getBreakpointManager().getBreakpoints(ChariotDebug.MODEL_ID)) {
			System.out.println("breakpoint " + place(breakpoint.getMarker()) + " "
					+ (breakpoint.isEnabled() ? "enabled" : "disabled"));
		}
		return EXIT_OK;
	}

	private static String place(IMarker marker) {
		return marker.getResource().getFullPath() + ":" + marker.getAttribute(IMarker.LINE_NUMBER, -1);
	}

	@Override
	public void stop() {
	}
}
