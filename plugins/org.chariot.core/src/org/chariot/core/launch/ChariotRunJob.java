package org.chariot.core.launch;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.chariot.core.events.EventStreamFollower;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.debug.core.DebugException;
import org.eclipse.debug.core.model.IProcess;

/** Watches one chariot run to its end (or cancels it) and then reads the rest of its event stream. */
final class ChariotRunJob extends Job {

	private static final Duration WAIT_STEP = Duration.ofMillis(200);
	private static final Duration LAST_READ_DEADLINE = Duration.ofSeconds(10);

	private final Process process;
	private final IProcess debugProcess;
	private final EventStreamFollower follower;

	ChariotRunJob(String name, Process process, IProcess debugProcess, EventStreamFollower follower) {
		super("Chariot: " + name);
		this.process = process;
		this.debugProcess = debugProcess;
		this.follower = follower;
	}

	@Override
	protected IStatus run(IProgressMonitor monitor) {
		monitor.beginTask(getName(), IProgressMonitor.UNKNOWN);
		try {
			while (!process.waitFor(WAIT_STEP.toMillis(), TimeUnit.MILLISECONDS)) {
				if (monitor.isCanceled()) {
					debugProcess.terminate();
				}
			}
			if (!follower.finish(LAST_READ_DEADLINE)) {
				return Status.warning("The end of the event stream of " + getName() + " was not read within "
						+ LAST_READ_DEADLINE.toSeconds() + " s: the Violations view may miss the last violations.");
			}
			return Status.OK_STATUS;
		} catch (InterruptedException e) {
			follower.cancel();
			Thread.currentThread().interrupt();
			return Status.CANCEL_STATUS;
		} catch (DebugException e) {
			return e.getStatus();
		} finally {
			monitor.done();
		}
	}
}
