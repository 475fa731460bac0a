package org.chariot.ui.views;

import org.chariot.core.events.ViolationModel;
import org.eclipse.jface.viewers.ILazyContentProvider;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.jface.viewers.Viewer;

/** Gives the virtual table only the rows it paints, straight from the model by index. */
final class LazyViolationContentProvider implements ILazyContentProvider {

	private final TableViewer viewer;
	private ViolationModel model;

	LazyViolationContentProvider(TableViewer viewer) {
		this.viewer = viewer;
	}

	@Override
	public void inputChanged(Viewer changed, Object oldInput, Object newInput) {
		model = (ViolationModel) newInput;
	}

	@Override
	public void updateElement(int index) {
		if (model != null && index < model.size()) {
			viewer.replace(model.get(index), index);
		}
	}
}
