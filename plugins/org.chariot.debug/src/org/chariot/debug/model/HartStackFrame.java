package org.chariot.debug.model;

import java.util.Optional;

import org.chariot.debug.rsp.StubPlace;
import org.eclipse.debug.core.DebugException;
import org.eclipse.debug.core.model.IRegisterGroup;
import org.eclipse.debug.core.model.IStackFrame;
import org.eclipse.debug.core.model.IThread;
import org.eclipse.debug.core.model.IVariable;

/**
 * One frame of the stopped hart's call stack. Callers' registers are not unwound: every frame shows the hart's
 * registers as they are, which is what the Registers view is for; the Variables view shows the same registers since
 * the model has no DWARF variables.
 */
public final class HartStackFrame extends ChariotDebugElement implements IStackFrame {

	private final HartThread thread;
	private final int depth;
	private final StubPlace place;
	private final IRegisterGroup[] groups;
	private final IVariable[] registers;

	HartStackFrame(HartThread thread, int depth, StubPlace place, HartRegisterGroup[] groups) {
		super(thread.target());
		this.thread = thread;
		this.depth = depth;
		this.place = place;
		this.groups = groups;
		this.registers = groups[0].getRegisters();
	}

	/** The source file as the driver's DWARF names it, when the frame is in a driver with line information. */
	public Optional<String> sourceFile() {
		return place.file();
	}

	public long pc() {
		return place.pc();
	}

	public int depth() {
		return depth;
	}

	@Override
	public IThread getThread() {
		return thread;
	}

	@Override
	public IVariable[] getVariables() {
		return registers.clone();
	}

	@Override
	public boolean hasVariables() {
		return true;
	}

	@Override
	public int getLineNumber() {
		return place.line();
	}

	@Override
	public int getCharStart() {
		return -1;
	}

	@Override
	public int getCharEnd() {
		return -1;
	}

	@Override
	public String getName() {
		String where = place.file().map(file -> " at " + file.substring(file.lastIndexOf('/') + 1) + ":" + place.line())
				.orElse("");
		return place.function() + "()" + where + String.format(" [0x%x]", place.pc());
	}

	@Override
	public IRegisterGroup[] getRegisterGroups() {
		return groups.clone();
	}

	@Override
	public boolean hasRegisterGroups() {
		return true;
	}

	@Override
	public boolean canStepInto() {
		return thread.canStepInto();
	}

	@Override
	public boolean canStepOver() {
		return thread.canStepOver();
	}

	@Override
	public boolean canStepReturn() {
		return thread.canStepReturn();
	}

	@Override
	public boolean isStepping() {
		return thread.isStepping();
	}

	@Override
	public void stepInto() throws DebugException {
		thread.stepInto();
	}

	@Override
	public void stepOver() throws DebugException {
		thread.stepOver();
	}

	@Override
	public void stepReturn() throws DebugException {
		thread.stepReturn();
	}

	@Override
	public boolean canResume() {
		return thread.canResume();
	}

	@Override
	public boolean canSuspend() {
		return thread.canSuspend();
	}

	@Override
	public boolean isSuspended() {
		return thread.isSuspended();
	}

	@Override
	public void resume() throws DebugException {
		thread.resume();
	}

	@Override
	public void suspend() throws DebugException {
		thread.suspend();
	}

	@Override
	public boolean canTerminate() {
		return thread.canTerminate();
	}

	@Override
	public boolean isTerminated() {
		return thread.isTerminated();
	}

	@Override
	public void terminate() throws DebugException {
		thread.terminate();
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof HartStackFrame frame && frame.thread == thread && frame.depth == depth
				&& frame.place.equals(place);
	}

	@Override
	public int hashCode() {
		return Long.hashCode(place.pc()) * 31 + depth;
	}
}
