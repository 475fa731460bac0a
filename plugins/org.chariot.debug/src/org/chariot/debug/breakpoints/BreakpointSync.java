package org.chariot.debug.breakpoints;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.chariot.debug.ChariotDebug;
import org.chariot.debug.rsp.RspClient;
import org.chariot.debug.rsp.StubSourceLines;
import org.eclipse.core.resources.IMarker;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IPath;
import org.eclipse.debug.core.IBreakpointManager;
import org.eclipse.debug.core.model.IBreakpoint;
import org.eclipse.debug.core.model.ILineBreakpoint;

/**
 * Keeps the stub's breakpoints in step with the workspace's Chariot line breakpoints. A line is sent to the stub as
 * a path relative to the driver's directory when the file is in it (the stub matches the DWARF paths that end with
 * it), so a driver built elsewhere still matches. A breakpoint in a module the guest has not loaded yet stays pending
 * and is resolved at the stop the stub makes when a module loads. Changes made while the hart runs are queued and
 * applied at the next stop: the stub takes requests only from a stopped hart.
 */
public final class BreakpointSync {

	private final RspClient client;
	private final StubSourceLines lines;
	private final Path driverDirectory;
	private final IBreakpointManager manager;
	private final Map<IBreakpoint, List<Long>> installed = new LinkedHashMap<>();
	private final Set<IBreakpoint> pending = new LinkedHashSet<>();
	private final List<IBreakpoint> changed = new ArrayList<>();

	public BreakpointSync(RspClient client, Path driverDirectory, IBreakpointManager manager) {
		this.client = client;
		this.lines = new StubSourceLines(client);
		this.driverDirectory = driverDirectory;
		this.manager = manager;
	}

	/** Hart stopped: every Chariot (and CDT) line breakpoint of the workspace is installed or pending. */
	public synchronized void installAll() {
		for (IBreakpoint breakpoint : manager.getBreakpoints()) {
			if (isLineBreakpointOfInterest(breakpoint)) {
				update(breakpoint);
			}
		}
	}

	/** Ours, or a C line breakpoint set in CDT's editor when CDT is installed. */
	public static boolean isLineBreakpointOfInterest(IBreakpoint breakpoint) {
		return breakpoint instanceof ChariotLineBreakpoint || CdtBreakpoints.isCdtLineBreakpoint(breakpoint);
	}

	/** Any thread: a breakpoint was added, removed or changed; applied by the next {@link #applyChanges()}. */
	public synchronized void changed(IBreakpoint breakpoint) {
		changed.add(breakpoint);
	}

	/** Any thread: every line breakpoint changes (Skip All Breakpoints was toggled); applied as {@link #changed}. */
	public synchronized void changedAll() {
		for (IBreakpoint breakpoint : manager.getBreakpoints()) {
			if (isLineBreakpointOfInterest(breakpoint)) {
				changed.add(breakpoint);
			}
		}
	}

	/** Hart stopped: applies queued changes, then tries the pending breakpoints again (a module may have loaded). */
	public synchronized void applyChanges() {
		List<IBreakpoint> queued = List.copyOf(changed);
		changed.clear();
		queued.forEach(this::update);
		List.copyOf(pending).forEach(this::update);
	}

	/** The breakpoints installed at {@code address}. */
	public synchronized List<IBreakpoint> breakpointsAt(long address) {
		return installed.entrySet().stream().filter(entry -> entry.getValue().contains(address))
				.map(Map.Entry::getKey).toList();
	}

	public synchronized boolean hasBreakpointAt(long address) {
		return !breakpointsAt(address).isEmpty();
	}

	/** Whether a breakpoint waits for its module to load. */
	public synchronized boolean isPending(IBreakpoint breakpoint) {
		return pending.contains(breakpoint);
	}

	private void update(IBreakpoint breakpoint) {
		try {
			uninstall(breakpoint);
			if (wanted(breakpoint)) {
				install(breakpoint);
			}
		} catch (IOException | CoreException e) {
			ChariotDebug.log(ChariotDebug.error("Cannot set the Chariot breakpoint " + describe(breakpoint) + ": "
					+ e.getMessage(), e).getStatus());
		}
	}

	private boolean wanted(IBreakpoint breakpoint) throws CoreException {
		IMarker marker = breakpoint.getMarker();
		return marker != null && marker.exists() && manager.isEnabled() && breakpoint.isEnabled()
				&& isLineBreakpointOfInterest(breakpoint) && manager.getBreakpoint(marker) != null;
	}

	private void install(IBreakpoint breakpoint) throws IOException, CoreException {
		ILineBreakpoint line = (ILineBreakpoint) breakpoint;
		List<Long> addresses = lines.breakpointAddresses(pathForStub(line), line.getLineNumber());
		if (addresses.isEmpty()) {
			pending.add(breakpoint);
			return;
		}
		for (long address : addresses) {
			client.insertBreakpoint(address);
		}
		installed.put(breakpoint, addresses);
	}

	private void uninstall(IBreakpoint breakpoint) throws IOException {
		pending.remove(breakpoint);
		List<Long> addresses = installed.remove(breakpoint);
		if (addresses == null) {
			return;
		}
		for (long address : addresses) {
			if (!hasBreakpointAt(address)) {
				client.removeBreakpoint(address);
			}
		}
	}

	private String pathForStub(ILineBreakpoint breakpoint) {
		IPath location = breakpoint.getMarker().getResource().getLocation();
		if (location == null) {
			return breakpoint.getMarker().getResource().getName();
		}
		Path file = location.toPath();
		return file.startsWith(driverDirectory) ? driverDirectory.relativize(file).toString() : file.toString();
	}

	private static String describe(IBreakpoint breakpoint) {
		IMarker marker = breakpoint.getMarker();
		return marker == null ? "(deleted)" : marker.getResource().getName() + ":" + marker.getAttribute(IMarker.LINE_NUMBER, -1);
	}
}
