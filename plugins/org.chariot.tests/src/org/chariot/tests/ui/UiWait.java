package org.chariot.tests.ui;

import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

import org.eclipse.swt.widgets.Display;

/**
 * Runs the UI event loop until a condition holds or a deadline passes; the UI thread never just sleeps. Measures the
 * longest single dispatch on the way: how long the UI was unresponsive at once.
 */
final class UiWait {

	private static final int WAKE_UP_MILLIS = 20;

	private UiWait() {
	}

	static Duration until(String what, Duration timeout, BooleanSupplier condition) {
		return until(() -> what, timeout, condition);
	}

	/** @param what says what was waited for, asked only on failure (so it can tell what there is instead) */
	static Duration until(Supplier<String> what, Duration timeout, BooleanSupplier condition) {
		Display display = Display.getCurrent();
		long deadline = System.nanoTime() + timeout.toNanos();
		long longestDispatch = 0;
		while (!condition.getAsBoolean()) {
			if (System.nanoTime() > deadline) {
				fail("Waited " + timeout.toSeconds() + " s for " + what.get());
			}
			long start = System.nanoTime();
			boolean dispatched = display.readAndDispatch();
			longestDispatch = Math.max(longestDispatch, System.nanoTime() - start);
			if (!dispatched) {
				display.timerExec(WAKE_UP_MILLIS, () -> {
					// only wakes the loop up to look at the condition again
				});
				display.sleep();
			}
		}
		return Duration.ofNanos(longestDispatch);
	}
}
