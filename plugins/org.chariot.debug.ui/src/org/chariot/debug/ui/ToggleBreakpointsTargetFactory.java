package org.chariot.debug.ui;

import java.util.Set;

import org.eclipse.core.resources.IFile;
import org.eclipse.debug.ui.actions.IToggleBreakpointsTarget;
import org.eclipse.debug.ui.actions.IToggleBreakpointsTargetFactory;
import org.eclipse.jface.viewers.ISelection;
import org.eclipse.ui.IWorkbenchPart;

/** Offers Chariot line breakpoints in editors of C files (the platform's text editor, or CDT's). */
public final class ToggleBreakpointsTargetFactory implements IToggleBreakpointsTargetFactory {

	static final String TARGET_ID = "org.chariot.debug.ui.toggleLineBreakpointTarget";
	private static final Set<String> C_EXTENSIONS = Set.of("c", "h");

	@Override
	public Set<String> getToggleTargets(IWorkbenchPart part, ISelection selection) {
		IFile file = ToggleLineBreakpointTarget.editedFile(part);
		return file != null && C_EXTENSIONS.contains(file.getFileExtension()) ? Set.of(TARGET_ID) : Set.of();
	}

	@Override
	public String getDefaultToggleTarget(IWorkbenchPart part, ISelection selection) {
		return getToggleTargets(part, selection).isEmpty() ? null : TARGET_ID;
	}

	@Override
	public IToggleBreakpointsTarget createToggleTarget(String targetID) {
		return TARGET_ID.equals(targetID) ? new ToggleLineBreakpointTarget() : null;
	}

	@Override
	public String getToggleTargetName(String targetID) {
		return "Chariot Line Breakpoints";
	}

	@Override
	public String getToggleTargetDescription(String targetID) {
		return "Breakpoints on lines of a driver's C files, for Chariot debug launches";
	}
}
