package org.chariot.ui.views;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;

import org.chariot.core.events.ViolationModel;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.ui.progress.UIJob;

/**
 * Brings the table up to the model's size at most every 100 ms, however fast violations arrive: the first arrival
 * schedules the refresh, later ones ride along until it has run. A refresh that could not show every row at once
 * (see {@link ViolationsView}) runs again.
 */
final class ViolationTableRefresh extends UIJob implements ViolationModel.Listener {

	private static final long DELAY_MILLIS = 100;

	/** Refreshes the table; true when rows are left for a next time. */
	private final BooleanSupplier refresh;
	private final AtomicBoolean scheduled = new AtomicBoolean();

	ViolationTableRefresh(BooleanSupplier refresh) {
		super("Refreshing the Violations view");
		this.refresh = refresh;
		setSystem(true);
	}

	@Override
	public void violationsAdded(ViolationModel model, int added) {
		request();
	}

	/** Asks for a refresh within 100 ms; on any thread. */
	void request() {
		if (scheduled.compareAndSet(false, true)) {
			schedule(DELAY_MILLIS);
		}
	}

	@Override
	public IStatus runInUIThread(IProgressMonitor monitor) {
		scheduled.set(false);
		if (refresh.getAsBoolean()) {
			request();
		}
		return Status.OK_STATUS;
	}
}
