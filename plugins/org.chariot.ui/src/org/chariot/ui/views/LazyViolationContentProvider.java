package org.chariot.ui.views;

import org.eclipse.jface.viewers.ILazyContentProvider;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.jface.viewers.Viewer;

/** Gives the virtual table only the rows it paints, by index from the rows the view shows. */
final class LazyViolationContentProvider implements ILazyContentProvider {

	private final TableViewer viewer;
	private ViolationRows rows;

	LazyViolationContentProvider(TableViewer viewer) {
		this.viewer = viewer;
	}

	@Override
	public void inputChanged(Viewer changed, Object oldInput, Object newInput) {
		rows = (ViolationRows) newInput;
	}

	@Override
	public void updateElement(int index) {
		if (rows != null && index < rows.size()) {
			viewer.replace(rows.get(index), index);
		}
	}
}
