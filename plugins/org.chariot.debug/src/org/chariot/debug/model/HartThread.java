package org.chariot.debug.model;

import java.util.ArrayList;
import java.util.List;

import org.chariot.debug.rsp.StubPlace;
import org.eclipse.debug.core.DebugException;
import org.eclipse.debug.core.model.IBreakpoint;
import org.eclipse.debug.core.model.IStackFrame;
import org.eclipse.debug.core.model.IThread;

/** The guest's hart, as a thread: its frames and registers while stopped; execution control goes to the target. */
public final class HartThread extends ChariotDebugElement implements IThread {

	private volatile HartSnapshot snapshot;
	private volatile String stopDescription = "";
	private volatile IBreakpoint[] breakpoints = new IBreakpoint[0];
	private volatile IStackFrame[] frames = new IStackFrame[0];

	HartThread(ChariotDebugTarget target) {
		super(target);
	}

	/** The hart stopped: what the views show until it runs again. */
	void stopped(HartSnapshot state, String why, List<IBreakpoint> hit) {
		snapshot = state;
		stopDescription = why;
		breakpoints = hit.toArray(IBreakpoint[]::new);
		HartRegisterGroup[] groups = { new HartRegisterGroup(target(), "General registers", state.general()),
				new HartRegisterGroup(target(), "Supervisor CSRs", state.csrs()) };
		List<IStackFrame> stack = new ArrayList<>();
		List<StubPlace> places = state.frames();
		for (int i = 0; i < places.size(); i++) {
			stack.add(new HartStackFrame(this, i, places.get(i), groups));
		}
		frames = stack.toArray(IStackFrame[]::new);
	}

	/** The hart runs: nothing of the last stop is shown any more. */
	void running() {
		frames = new IStackFrame[0];
		breakpoints = new IBreakpoint[0];
		stopDescription = "";
	}

	HartSnapshot snapshot() {
		return snapshot;
	}

	@Override
	public IStackFrame[] getStackFrames() {
		return isSuspended() ? frames.clone() : new IStackFrame[0];
	}

	@Override
	public boolean hasStackFrames() {
		return isSuspended() && frames.length > 0;
	}

	@Override
	public int getPriority() {
		return 0;
	}

	@Override
	public IStackFrame getTopStackFrame() {
		IStackFrame[] stack = getStackFrames();
		return stack.length == 0 ? null : stack[0];
	}

	@Override
	public String getName() {
		return "hart 0" + (isSuspended() && !stopDescription.isEmpty() ? " (" + stopDescription + ")" : "");
	}

	@Override
	public IBreakpoint[] getBreakpoints() {
		return breakpoints.clone();
	}

	@Override
	public boolean canResume() {
		return target().canResume();
	}

	@Override
	public boolean canSuspend() {
		return target().canSuspend();
	}

	@Override
	public boolean isSuspended() {
		return target().isSuspended();
	}

	@Override
	public void resume() throws DebugException {
		target().resume();
	}

	@Override
	public void suspend() throws DebugException {
		target().suspend();
	}

	@Override
	public boolean canStepInto() {
		return canStep();
	}

	@Override
	public boolean canStepOver() {
		return canStep();
	}

	@Override
	public boolean canStepReturn() {
		return canStep();
	}

	private boolean canStep() {
		return isSuspended() && frames.length > 0;
	}

	@Override
	public boolean isStepping() {
		return target().isStepping();
	}

	@Override
	public void stepInto() throws DebugException {
		target().step(StepKind.INTO);
	}

	@Override
	public void stepOver() throws DebugException {
		target().step(StepKind.OVER);
	}

	@Override
	public void stepReturn() throws DebugException {
		target().step(StepKind.RETURN);
	}

	@Override
	public boolean canTerminate() {
		return target().canTerminate();
	}

	@Override
	public boolean isTerminated() {
		return target().isTerminated();
	}

	@Override
	public void terminate() throws DebugException {
		target().terminate();
	}
}
