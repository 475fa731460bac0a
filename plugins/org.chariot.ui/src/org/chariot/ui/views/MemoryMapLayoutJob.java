package org.chariot.ui.views;

import java.util.function.Consumer;
import java.util.function.Supplier;

import org.chariot.core.memory.MemoryMap;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.swt.widgets.Display;

/**
 * Takes a memory map's snapshot and lays it out off the UI thread (100 000 violation marks take a while), the newest
 * request winning; the result goes to the UI thread.
 */
final class MemoryMapLayoutJob extends Job {

	/** A snapshot and its layout, for one width. */
	record LaidOut(MemoryMap map, MemoryMapLayout layout) {
	}

	private record Request(Supplier<MemoryMap> map, int width) {
	}

	private final Display display;
	private final Consumer<LaidOut> done;
	private volatile Request request;

	/** @param done told on the UI thread */
	MemoryMapLayoutJob(Display display, Consumer<LaidOut> done) {
		super("Laying out the memory map");
		this.display = display;
		this.done = done;
		setSystem(true);
	}

	/** On any thread: lay out what the supplier gives, for the width; replaces a request not yet done. */
	void request(Supplier<MemoryMap> map, int width) {
		request = new Request(map, width);
		schedule();
	}

	@Override
	protected IStatus run(IProgressMonitor monitor) {
		Request taken = request;
		MemoryMap map = taken.map().get();
		MemoryMapLayout layout = MemoryMapLayout.of(map, taken.width());
		if (monitor.isCanceled()) {
			return Status.CANCEL_STATUS;
		}
		if (taken == request && !display.isDisposed()) {
			display.asyncExec(() -> done.accept(new LaidOut(map, layout)));
		}
		return Status.OK_STATUS;
	}
}
