package org.chariot.debug.ui;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.runtime.Adapters;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.debug.ui.actions.IToggleBreakpointsTarget;
import org.eclipse.jface.text.ITextSelection;
import org.eclipse.jface.viewers.ISelection;
import org.eclipse.ui.IWorkbenchPart;
import org.eclipse.ui.texteditor.ITextEditor;

/** Ruler double-click and Toggle Breakpoint in a text or C editor on a workspace file: a Chariot line breakpoint. */
final class ToggleLineBreakpointTarget implements IToggleBreakpointsTarget {

	@Override
	public void toggleLineBreakpoints(IWorkbenchPart part, ISelection selection) throws CoreException {
		IFile file = editedFile(part);
		if (file != null && selection instanceof ITextSelection text) {
			LineBreakpoints.toggle(file, text.getStartLine() + 1);
		}
	}

	@Override
	public boolean canToggleLineBreakpoints(IWorkbenchPart part, ISelection selection) {
		return editedFile(part) != null && selection instanceof ITextSelection;
	}

	static IFile editedFile(IWorkbenchPart part) {
		ITextEditor editor = Adapters.adapt(part, ITextEditor.class);
		return editor == null ? null : Adapters.adapt(editor.getEditorInput(), IFile.class);
	}

	@Override
	public void toggleMethodBreakpoints(IWorkbenchPart part, ISelection selection) {
		// C has no methods to break on
	}

	@Override
	public boolean canToggleMethodBreakpoints(IWorkbenchPart part, ISelection selection) {
		return false;
	}

	@Override
	public void toggleWatchpoints(IWorkbenchPart part, ISelection selection) {
		// watchpoints are not offered yet
	}

	@Override
	public boolean canToggleWatchpoints(IWorkbenchPart part, ISelection selection) {
		return false;
	}
}
