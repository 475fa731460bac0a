package org.chariot.debug.model;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import org.chariot.debug.ChariotDebug;
import org.chariot.debug.breakpoints.BreakpointSync;
import org.chariot.debug.rsp.RspClient;
import org.chariot.debug.rsp.StopReply;
import org.chariot.debug.rsp.StubPlace;
import org.eclipse.core.resources.IMarkerDelta;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.debug.core.DebugEvent;
import org.eclipse.debug.core.DebugException;
import org.eclipse.debug.core.DebugPlugin;
import org.eclipse.debug.core.IBreakpointManagerListener;
import org.eclipse.debug.core.IDebugEventSetListener;
import org.eclipse.debug.core.ILaunch;
import org.eclipse.debug.core.model.IBreakpoint;
import org.eclipse.debug.core.model.IDebugTarget;
import org.eclipse.debug.core.model.IMemoryBlock;
import org.eclipse.debug.core.model.IProcess;
import org.eclipse.debug.core.model.IThread;

/**
 * The emulated guest under the Chariot GDB stub: one hart, driven over the remote protocol. Every exchange with the
 * stub that may wait for the guest (run, step, stop) happens in a job, never on the caller's thread; the hart's
 * state is read once per stop, in that job, before the views hear of the stop.
 */
public final class ChariotDebugTarget extends ChariotDebugElement
		implements IDebugTarget, IDebugEventSetListener, IBreakpointManagerListener {

	private enum State {
		STARTING, RUNNING, STEPPING, SUSPENDED, TERMINATED
	}

	/** One exchange that runs the hart and ends with its stop. */
	@FunctionalInterface
	private interface Execution {
		StopReply run() throws IOException;
	}

	/** The most bytes one block reads: one stub reply (its packet size is 16 KiB of hex). */
	private static final long MOST_MEMORY_BYTES = 4096;

	private final ILaunch launch;
	private final IProcess process;
	private final RspClient client;
	private final String name;
	private final HartThread thread;
	private final BreakpointSync breakpoints;
	private final SourceStepper stepper;
	private volatile State state = State.STARTING;
	private volatile boolean suspendRequested;
	/** The hart was interrupted to apply breakpoint changes, not for the user: its stop is not shown. */
	private final AtomicBoolean applyingChanges = new AtomicBoolean();

	public ChariotDebugTarget(ILaunch launch, IProcess process, RspClient client, int port, Path driverDirectory) {
		super(null);
		this.launch = launch;
		this.process = process;
		this.client = client;
		this.name = "Chariot guest (GDB stub on 127.0.0.1:" + port + ")";
		this.thread = new HartThread(this);
		this.breakpoints = new BreakpointSync(client, driverDirectory, DebugPlugin.getDefault().getBreakpointManager());
		this.stepper = new SourceStepper(client, breakpoints::hasBreakpointAt);
	}

	@Override
	public ChariotDebugTarget getDebugTarget() {
		return this;
	}

	@Override
	ChariotDebugTarget target() {
		return this;
	}

	/**
	 * Starts debugging a guest that waits frozen for its client: installs the breakpoints and lets it run, so that it
	 * stops at the first breakpoint, at a store the halt policy stops, or at its end.
	 */
	public void start() {
		fireCreationEvent();
		thread.fireCreationEvent();
		DebugPlugin.getDefault().getBreakpointManager().addBreakpointListener(this);
		DebugPlugin.getDefault().getBreakpointManager().addBreakpointManagerListener(this);
		DebugPlugin.getDefault().addDebugEventListener(this);
		state = State.RUNNING;
		execute("starting the guest", DebugEvent.CLIENT_REQUEST, () -> {
			breakpoints.installAll();
			return runToStop();
		});
	}

	/** Runs until a stop the user must see. */
	private StopReply runToStop() throws IOException {
		StopReply reply = client.resume();
		while (!suspendRequested && isInternal(reply)) {
			breakpoints.applyChanges();
			reply = client.resume();
		}
		return reply;
	}

	/**
	 * A stop that only serves the breakpoints: a module's load (pending breakpoints wait for it), the interrupt that
	 * applies breakpoint changes, or a breakpoint reached while Skip All Breakpoints is on, before the stub heard.
	 */
	private boolean isInternal(StopReply reply) {
		if (reply.atBreakpoint()) {
			return !DebugPlugin.getDefault().getBreakpointManager().isEnabled();
		}
		return reply.librariesChanged() || (reply.number() == StopReply.SIGINT && applyingChanges.getAndSet(false));
	}

	private void execute(String what, int resumeDetail, Execution execution) {
		suspendRequested = false;
		thread.running();
		thread.fireResumeEvent(resumeDetail);
		Job job = Job.create("Chariot: " + what, (IProgressMonitor monitor) -> {
			try {
				stopped(execution.run(), resumeDetail);
			} catch (IOException e) {
				if (!isTerminated()) {
					ChariotDebug.log(Status.warning("The Chariot debug session ended: " + e.getMessage(), e));
				}
				terminated();
			}
			return Status.OK_STATUS;
		});
		job.setSystem(true);
		job.schedule();
	}

	private void stopped(StopReply reply, int resumeDetail) throws IOException {
		if (reply.ended()) {
			terminated();
			return;
		}
		applyingChanges.set(false);
		breakpoints.applyChanges();
		HartSnapshot snapshot = HartSnapshot.read(client);
		List<IBreakpoint> hit = reply.atBreakpoint() ? breakpoints.breakpointsAt(snapshot.pc()) : List.of();
		thread.stopped(snapshot, describe(reply, hit), hit);
		state = State.SUSPENDED;
		thread.fireSuspendEvent(suspendDetail(reply, resumeDetail));
	}

	private static int suspendDetail(StopReply reply, int resumeDetail) {
		if (reply.atBreakpoint() || reply.haltedStore()) {
			return DebugEvent.BREAKPOINT;
		}
		boolean stepped = resumeDetail == DebugEvent.STEP_INTO || resumeDetail == DebugEvent.STEP_OVER
				|| resumeDetail == DebugEvent.STEP_RETURN;
		return stepped ? DebugEvent.STEP_END : DebugEvent.CLIENT_REQUEST;
	}

	private static String describe(StopReply reply, List<IBreakpoint> hit) {
		if (reply.haltedStore()) {
			return "halted before an illegal store or free (SIGSEGV)";
		}
		if (reply.atBreakpoint()) {
			return hit.isEmpty() ? "breakpoint" : "line breakpoint";
		}
		return reply.number() == StopReply.SIGINT ? "suspended" : "stopped";
	}

	private void terminated() {
		synchronized (this) {
			if (state == State.TERMINATED) {
				return;
			}
			state = State.TERMINATED;
		}
		DebugPlugin.getDefault().getBreakpointManager().removeBreakpointListener(this);
		DebugPlugin.getDefault().getBreakpointManager().removeBreakpointManagerListener(this);
		DebugPlugin.getDefault().removeDebugEventListener(this);
		try {
			client.close();
		} catch (IOException e) {
			ChariotDebug.log(Status.warning("Closing the connection to the GDB stub failed: " + e.getMessage(), e));
		}
		thread.fireTerminateEvent();
		fireTerminateEvent();
	}

	void step(StepKind kind) throws DebugException {
		if (!isSuspended()) {
			throw ChariotDebug.error("The hart must be suspended to step", null);
		}
		List<StubPlace> frames = thread.snapshot().frames();
		state = State.STEPPING;
		execute("step " + kind.name().toLowerCase(), kind.eventDetail, () -> switch (kind) {
		case OVER -> stepper.over(frames.getFirst());
		case INTO -> stepper.into(frames.getFirst());
		case RETURN -> stepper.out(frames);
		});
	}

	boolean isStepping() {
		return state == State.STEPPING;
	}

	@Override
	public void resume() throws DebugException {
		if (!isSuspended()) {
			return;
		}
		state = State.RUNNING;
		fireResumeEvent(DebugEvent.CLIENT_REQUEST);
		execute("running the guest", DebugEvent.CLIENT_REQUEST, this::runToStop);
	}

	@Override
	public void suspend() throws DebugException {
		suspendRequested = true;
		try {
			client.interrupt();
		} catch (IOException e) {
			throw ChariotDebug.error("Cannot interrupt the guest: " + e.getMessage(), e);
		}
	}

	/** Ends the guest: a stopped one through the stub ({@code k}), and the chariot process in any case. */
	@Override
	public void terminate() throws DebugException {
		if (isTerminated()) {
			return;
		}
		if (isSuspended()) {
			try {
				client.kill();
			} catch (IOException e) {
				ChariotDebug.log(Status.warning("The GDB stub did not take the kill request: " + e.getMessage(), e));
			}
		}
		if (process != null && !process.isTerminated()) {
			process.terminate();
		}
		terminated();
	}

	/** The chariot process ended (the guest powered off, or the user stopped the process): so did the session. */
	@Override
	public void handleDebugEvents(DebugEvent[] events) {
		for (DebugEvent event : events) {
			if (event.getKind() == DebugEvent.TERMINATE && event.getSource() == process) {
				terminated();
			}
		}
	}

	@Override
	public boolean canResume() {
		return isSuspended();
	}

	@Override
	public boolean canSuspend() {
		return state == State.RUNNING;
	}

	@Override
	public boolean isSuspended() {
		return state == State.SUSPENDED;
	}

	@Override
	public boolean canTerminate() {
		return !isTerminated();
	}

	@Override
	public boolean isTerminated() {
		return state == State.TERMINATED;
	}

	@Override
	public boolean canDisconnect() {
		return false;
	}

	@Override
	public void disconnect() throws DebugException {
		throw ChariotDebug.error("Disconnecting is not supported: terminate the session", null);
	}

	@Override
	public boolean isDisconnected() {
		return false;
	}

	@Override
	public boolean supportsStorageRetrieval() {
		return true;
	}

	@Override
	public IMemoryBlock getMemoryBlock(long startAddress, long length) throws DebugException {
		if (length <= 0 || length > MOST_MEMORY_BYTES) {
			throw ChariotDebug.error("A memory block must hold 1 to " + MOST_MEMORY_BYTES + " bytes, not " + length, null);
		}
		return new HartMemoryBlock(this, client, startAddress, length);
	}

	@Override
	public IProcess getProcess() {
		return process;
	}

	@Override
	public IThread[] getThreads() {
		return isTerminated() ? new IThread[0] : new IThread[] { thread };
	}

	@Override
	public boolean hasThreads() {
		return !isTerminated();
	}

	@Override
	public String getName() {
		return name;
	}

	@Override
	public boolean supportsBreakpoint(IBreakpoint breakpoint) {
		return BreakpointSync.isLineBreakpointOfInterest(breakpoint);
	}

	@Override
	public ILaunch getLaunch() {
		return launch;
	}

	@Override
	public void breakpointAdded(IBreakpoint breakpoint) {
		breakpointChanged(breakpoint, null);
	}

	@Override
	public void breakpointRemoved(IBreakpoint breakpoint, IMarkerDelta delta) {
		breakpointChanged(breakpoint, delta);
	}

	@Override
	public void breakpointChanged(IBreakpoint breakpoint, IMarkerDelta delta) {
		if (supportsBreakpoint(breakpoint) && !isTerminated()) {
			breakpoints.changed(breakpoint);
			applySoon();
		}
	}

	/** Skip All Breakpoints toggled: every breakpoint is removed from the stub, or put back. */
	@Override
	public void breakpointManagerEnablementChanged(boolean enabled) {
		if (!isTerminated()) {
			breakpoints.changedAll();
			applySoon();
		}
	}

	/**
	 * Applies queued breakpoint changes at once: in a job if the hart is stopped; a running hart is stopped for that,
	 * unseen, and goes on. A step in progress applies them when it ends.
	 */
	private void applySoon() {
		if (isSuspended()) {
			Job.create("Chariot: updating breakpoints", monitor -> {
				if (isSuspended()) {
					breakpoints.applyChanges();
				}
				return Status.OK_STATUS;
			}).schedule();
		} else if (state == State.RUNNING) {
			applyingChanges.set(true);
			try {
				client.interrupt();
			} catch (IOException e) {
				ChariotDebug.log(Status.warning("Cannot stop the guest to update its breakpoints: " + e.getMessage(), e));
			}
		}
	}

	/** Whether a breakpoint waits for its module to load (for tests and labels). */
	public boolean isPending(IBreakpoint breakpoint) {
		return breakpoints.isPending(breakpoint);
	}
}
