package org.chariot.debug.launch;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.chariot.debug.ChariotDebug;
import org.chariot.debug.model.ChariotDebugTarget;
import org.chariot.debug.rsp.RspClient;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.OperationCanceledException;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.debug.core.DebugException;
import org.eclipse.debug.core.ILaunch;
import org.eclipse.debug.core.model.IProcess;

/**
 * Waits for the chariot process to announce its GDB stub (after building the driver and setting up the guest), then
 * attaches a debugger to it: Chariot's debug target, or CDT's. The user may cancel the wait; the process then ends too.
 */
final class StubAttachJob extends Job {

	/** What attaches to the stub once its port is known. */
	interface Debugger {
		void attach(int port, IProgressMonitor monitor) throws IOException, CoreException;
	}

	/** Chariot's own debug target over the RSP client. */
	static Debugger chariot(ILaunch launch, IProcess process, Path driverDirectory) {
		return (port, monitor) -> {
			RspClient client = RspClient.connect(port, CONNECT_DEADLINE, monitor::isCanceled);
			ChariotDebugTarget target = new ChariotDebugTarget(launch, process, client, port, driverDirectory);
			launch.addDebugTarget(target);
			target.start();
		};
	}

	/** Building a driver and preparing the guest takes seconds, a first build of the guest kit much longer. */
	private static final Duration ANNOUNCEMENT_DEADLINE = Duration.ofMinutes(5);
	private static final Duration CONNECT_DEADLINE = Duration.ofSeconds(10);
	private static final Duration WAIT_STEP = Duration.ofMillis(250);

	private final IProcess process;
	private final CompletableFuture<Integer> port;
	private final Debugger debugger;

	StubAttachJob(IProcess process, CompletableFuture<Integer> port, Debugger debugger) {
		super("Chariot: attaching the debugger to " + process.getLabel());
		this.process = process;
		this.port = port;
		this.debugger = debugger;
	}

	@Override
	protected IStatus run(IProgressMonitor monitor) {
		monitor.beginTask("Waiting for the GDB stub of " + process.getLabel(), IProgressMonitor.UNKNOWN);
		try {
			debugger.attach(awaitPort(monitor), monitor);
			return Status.OK_STATUS;
		} catch (OperationCanceledException e) {
			return endProcess(Status.CANCEL_STATUS);
		} catch (CoreException e) {
			return endProcess(Status.error("Cannot debug " + process.getLabel() + ": " + e.getMessage(), e));
		} catch (IOException | ExecutionException | TimeoutException e) {
			Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
			return endProcess(Status.error("Cannot debug " + process.getLabel() + ": " + cause.getMessage(), cause));
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			return endProcess(Status.CANCEL_STATUS);
		} finally {
			monitor.done();
		}
	}

	/** Waits in steps so that a cancel from the progress view is seen. */
	private int awaitPort(IProgressMonitor monitor)
			throws InterruptedException, ExecutionException, TimeoutException {
		long steps = ANNOUNCEMENT_DEADLINE.dividedBy(WAIT_STEP);
		for (long i = 0; i < steps; i++) {
			if (monitor.isCanceled()) {
				throw new OperationCanceledException();
			}
			try {
				return port.get(WAIT_STEP.toMillis(), TimeUnit.MILLISECONDS);
			} catch (TimeoutException e) {
				// not announced yet: look at the monitor again
			}
		}
		throw new TimeoutException("the chariot process announced no GDB stub within "
				+ ANNOUNCEMENT_DEADLINE.toMinutes() + " minutes");
	}

	private IStatus endProcess(IStatus status) {
		try {
			if (!process.isTerminated()) {
				process.terminate();
			}
		} catch (DebugException e) {
			ChariotDebug.log(e.getStatus());
		}
		return status;
	}
}
