package org.chariot.debug.ui;

import org.chariot.ui.views.SourceOpener;
import org.eclipse.core.filesystem.EFS;
import org.eclipse.core.resources.IFile;
import org.eclipse.debug.core.DebugException;
import org.eclipse.debug.core.model.ILineBreakpoint;
import org.eclipse.debug.core.model.IValue;
import org.eclipse.debug.core.sourcelookup.containers.LocalFileStorage;
import org.eclipse.debug.ui.IDebugModelPresentation;
import org.eclipse.debug.ui.IValueDetailListener;
import org.eclipse.jface.viewers.LabelProvider;
import org.eclipse.ui.IEditorInput;
import org.eclipse.ui.ide.FileStoreEditorInput;
import org.eclipse.ui.part.FileEditorInput;

/**
 * How the Chariot debug model looks: the model's own names for labels (the platform's default images), and the
 * editor for a frame's C file — the workspace file, or the file on disk.
 */
public final class ChariotModelPresentation extends LabelProvider implements IDebugModelPresentation {

	@Override
	public void setAttribute(String attribute, Object value) {
		// no presentation options: labels say the same in every view
	}

	/** Null: the debug views then use the elements' own names. */
	@Override
	public String getText(Object element) {
		return null;
	}

	@Override
	public void computeDetail(IValue value, IValueDetailListener listener) {
		try {
			listener.detailComputed(value, value.getValueString());
		} catch (DebugException e) {
			listener.detailComputed(value, e.getStatus().getMessage());
		}
	}

	@Override
	public IEditorInput getEditorInput(Object element) {
		if (element instanceof IFile file) {
			return new FileEditorInput(file);
		}
		if (element instanceof LocalFileStorage storage) {
			return new FileStoreEditorInput(EFS.getLocalFileSystem().fromLocalFile(storage.getFile()));
		}
		if (element instanceof ILineBreakpoint breakpoint && breakpoint.getMarker().getResource() instanceof IFile file) {
			return new FileEditorInput(file);
		}
		return null;
	}

	@Override
	public String getEditorId(IEditorInput input, Object element) {
		return SourceOpener.editorId(input.getName());
	}
}
