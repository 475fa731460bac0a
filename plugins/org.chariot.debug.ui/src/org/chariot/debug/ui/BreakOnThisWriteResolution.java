package org.chariot.debug.ui;

import org.chariot.debug.ChariotDebug;
import org.eclipse.core.resources.IMarker;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.ui.IMarkerResolution;
import org.eclipse.ui.IMarkerResolutionGenerator;

/** The quick fix of a violation marker: a breakpoint on its line, so the next debug run stops before the write. */
public final class BreakOnThisWriteResolution implements IMarkerResolutionGenerator, IMarkerResolution {

	static final String LABEL = "Break on this write";

	@Override
	public IMarkerResolution[] getResolutions(IMarker marker) {
		return marker.getAttribute(IMarker.LINE_NUMBER, -1) > 0 ? new IMarkerResolution[] { this }
				: new IMarkerResolution[0];
	}

	@Override
	public String getLabel() {
		return LABEL + " (a breakpoint for the next debug run)";
	}

	@Override
	public void run(IMarker marker) {
		try {
			LineBreakpoints.ensure(marker.getResource(), marker.getAttribute(IMarker.LINE_NUMBER, -1));
		} catch (CoreException e) {
			ChariotDebug.log(e.getStatus());
		}
	}
}
