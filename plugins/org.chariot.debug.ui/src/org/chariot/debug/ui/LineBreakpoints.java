package org.chariot.debug.ui;

import java.util.Arrays;
import java.util.Optional;

import org.chariot.debug.ChariotDebug;
import org.chariot.debug.breakpoints.ChariotLineBreakpoint;
import org.eclipse.core.resources.IMarker;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.debug.core.DebugPlugin;
import org.eclipse.debug.core.model.IBreakpoint;
import org.eclipse.debug.core.model.ILineBreakpoint;

/** The Chariot line breakpoints of a file, as the editor ruler and "Break on this write" see them. */
public final class LineBreakpoints {

	private LineBreakpoints() {
	}

	/** The Chariot breakpoint on {@code line} (1-based) of {@code file}, if there is one. */
	public static Optional<IBreakpoint> at(IResource file, int line) {
		return Arrays.stream(DebugPlugin.getDefault().getBreakpointManager().getBreakpoints(ChariotDebug.MODEL_ID))
				.filter(b -> b instanceof ILineBreakpoint && b.getMarker() != null && file.equals(b.getMarker().getResource()))
				.filter(b -> b.getMarker().getAttribute(IMarker.LINE_NUMBER, -1) == line)
				.findFirst();
	}

	/** A breakpoint on the line: the one there, enabled, or a new one. */
	public static IBreakpoint ensure(IResource file, int line) throws CoreException {
		Optional<IBreakpoint> existing = at(file, line);
		if (existing.isPresent()) {
			existing.get().setEnabled(true);
			return existing.get();
		}
		return ChariotLineBreakpoint.create(file, line);
	}

	/** Removes the breakpoint on the line, or adds one. */
	public static void toggle(IResource file, int line) throws CoreException {
		Optional<IBreakpoint> existing = at(file, line);
		if (existing.isPresent()) {
			existing.get().delete();
		} else {
			ChariotLineBreakpoint.create(file, line);
		}
	}
}
