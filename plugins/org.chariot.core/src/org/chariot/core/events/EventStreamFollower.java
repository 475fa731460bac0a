package org.chariot.core.events;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.eclipse.core.runtime.ILog;

/**
 * Follows an event file while a run writes it: reads what is new at a fixed rate on a background thread and hands
 * each batch to the model; {@link #finish(Duration)} reads the rest once the writer is done.
 */
public final class EventStreamFollower {

	private static final Duration READ_PERIOD = Duration.ofMillis(25);

	private final EventStreamReader reader;
	private final ViolationModel model;
	private final ScheduledExecutorService executor;

	public EventStreamFollower(EventStreamReader reader, ViolationModel model) {
		this.reader = reader;
		this.model = model;
		this.executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
			Thread thread = new Thread(runnable, "Chariot event stream: " + model.name());
			thread.setDaemon(true);
			return thread;
		});
	}

	public void start() {
		executor.scheduleWithFixedDelay(this::readAvailable, 0, READ_PERIOD.toMillis(), TimeUnit.MILLISECONDS);
	}

	/**
	 * Stops following and reads what the writer left, including a last line without a newline.
	 *
	 * @return false if a read in progress did not end within the deadline (the rest is then not read)
	 */
	public boolean finish(Duration deadline) throws InterruptedException {
		executor.shutdown();
		if (!executor.awaitTermination(deadline.toMillis(), TimeUnit.MILLISECONDS)) {
			executor.shutdownNow();
			return false;
		}
		try {
			deliver(reader.readRemaining());
		} catch (IOException e) {
			ILog.of(EventStreamFollower.class).error("Could not read the end of the event stream of " + model.name(), e);
		}
		return true;
	}

	/** Stops following without reading the rest, when the run is abandoned. */
	public void cancel() {
		executor.shutdownNow();
	}

	private void readAvailable() {
		try {
			deliver(reader.readAvailable());
		} catch (IOException e) {
			ILog.of(EventStreamFollower.class).error("Could not read the event stream of " + model.name(), e);
		}
	}

	private void deliver(List<ChariotEvent> events) {
		if (!events.isEmpty()) {
			model.append(events);
		}
	}
}
