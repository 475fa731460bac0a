package org.chariot.ui.views;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.ui.progress.UIJob;

/**
 * Brings a view up to its model at most every 50 ms, however fast records arrive: a request after a quiet spell
 * refreshes at once (a violation shows as soon as it is read), one within 50 ms of the last refresh waits for the rest
 * of those 50 ms, and later ones ride along until it has run. A refresh that could not show everything at once (see
 * {@link ViolationsView}) runs again.
 */
final class CoalescedRefresh extends UIJob {

	private static final long DELAY_MILLIS = 50;

	/** Refreshes the view; true when something is left for a next time. */
	private final BooleanSupplier refresh;
	private final AtomicBoolean scheduled = new AtomicBoolean();
	private volatile long lastRefreshNanos = System.nanoTime() - TimeUnit.MILLISECONDS.toNanos(DELAY_MILLIS);

	CoalescedRefresh(String name, BooleanSupplier refresh) {
		super(name);
		this.refresh = refresh;
		setSystem(true);
	}

	/** Asks for a refresh within 50 ms; on any thread. */
	void request() {
		if (scheduled.compareAndSet(false, true)) {
			long sinceLast = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - lastRefreshNanos);
			schedule(Math.max(0, DELAY_MILLIS - sinceLast));
		}
	}

	@Override
	public IStatus runInUIThread(IProgressMonitor monitor) {
		scheduled.set(false);
		lastRefreshNanos = System.nanoTime();
		if (refresh.getAsBoolean()) {
			request();
		}
		return Status.OK_STATUS;
	}
}
