package org.chariot.ui.views;

import java.util.concurrent.atomic.AtomicBoolean;

import org.chariot.core.events.ViolationModel;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.ui.progress.UIJob;

/**
 * Brings the table up to the model's size at most every 100 ms, however fast violations arrive: the first arrival
 * schedules the refresh, later ones ride along until it has run.
 */
final class ViolationTableRefresh extends UIJob implements ViolationModel.Listener {

	private static final long DELAY_MILLIS = 100;

	private final Runnable refresh;
	private final AtomicBoolean scheduled = new AtomicBoolean();

	ViolationTableRefresh(Runnable refresh) {
		super("Refreshing the Violations view");
		this.refresh = refresh;
		setSystem(true);
	}

	@Override
	public void violationsAdded(ViolationModel model, int added) {
		if (scheduled.compareAndSet(false, true)) {
			schedule(DELAY_MILLIS);
		}
	}

	@Override
	public IStatus runInUIThread(IProgressMonitor monitor) {
		scheduled.set(false);
		refresh.run();
		return Status.OK_STATUS;
	}
}
