package org.chariot.ui.views;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.ui.progress.UIJob;

/**
 * Brings a view up to its model at most every 100 ms, however fast records arrive: the first request schedules the
 * refresh, later ones ride along until it has run. A refresh that could not show everything at once (see
 * {@link ViolationsView}) runs again.
 */
final class CoalescedRefresh extends UIJob {

	private static final long DELAY_MILLIS = 100;

	/** Refreshes the view; true when something is left for a next time. */
	private final BooleanSupplier refresh;
	private final AtomicBoolean scheduled = new AtomicBoolean();

	CoalescedRefresh(String name, BooleanSupplier refresh) {
		super(name);
		this.refresh = refresh;
		setSystem(true);
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
