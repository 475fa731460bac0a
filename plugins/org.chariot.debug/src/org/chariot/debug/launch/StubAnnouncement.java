package org.chariot.debug.launch;

import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.eclipse.debug.core.DebugEvent;
import org.eclipse.debug.core.DebugPlugin;
import org.eclipse.debug.core.IDebugEventSetListener;
import org.eclipse.debug.core.IStreamListener;
import org.eclipse.debug.core.model.IProcess;
import org.eclipse.debug.core.model.IStreamMonitor;
import org.eclipse.debug.core.model.IStreamsProxy;

/**
 * The port of the GDB stub that a {@code chariot run --gdb 0} process announces ("GDB stub on 127.0.0.1:PORT"), as
 * a future: completed with the port, or exceptionally if the process ends without announcing one.
 */
final class StubAnnouncement {

	private static final Pattern ANNOUNCEMENT = Pattern.compile("GDB stub on 127\\.0\\.0\\.1:(\\d+)");

	private final CompletableFuture<Integer> port = new CompletableFuture<>();
	private final StringBuilder output = new StringBuilder();

	private StubAnnouncement() {
	}

	static CompletableFuture<Integer> watch(IProcess process) {
		StubAnnouncement announcement = new StubAnnouncement();
		IStreamsProxy streams = process.getStreamsProxy();
		if (streams != null) {
			announcement.listen(streams.getErrorStreamMonitor());
			announcement.listen(streams.getOutputStreamMonitor());
		}
		IDebugEventSetListener ended = events -> {
			for (DebugEvent event : events) {
				if (event.getSource() == process && event.getKind() == DebugEvent.TERMINATE) {
					announcement.port.completeExceptionally(new IllegalStateException(
							"the chariot process ended before its GDB stub started:\n" + announcement.output()));
				}
			}
		};
		DebugPlugin.getDefault().addDebugEventListener(ended);
		announcement.port.whenComplete((value, error) -> DebugPlugin.getDefault().removeDebugEventListener(ended));
		if (process.isTerminated()) {
			announcement.port.completeExceptionally(new IllegalStateException(
					"the chariot process ended before its GDB stub started:\n" + announcement.output()));
		}
		return announcement.port;
	}

	private void listen(IStreamMonitor monitor) {
		if (monitor == null) {
			return;
		}
		IStreamListener listener = (text, streamMonitor) -> seen(text);
		monitor.addListener(listener);
		seen(monitor.getContents()); // what came before the listener was added
		port.whenComplete((value, error) -> monitor.removeListener(listener));
	}

	private void seen(String text) {
		String all;
		synchronized (output) {
			output.append(text);
			all = output.toString();
		}
		Matcher matcher = ANNOUNCEMENT.matcher(all);
		if (matcher.find()) {
			port.complete(Integer.parseInt(matcher.group(1)));
		}
	}

	private String output() {
		synchronized (output) {
			String text = output.toString();
			return text.length() > 2000 ? "..." + text.substring(text.length() - 2000) : text;
		}
	}
}
