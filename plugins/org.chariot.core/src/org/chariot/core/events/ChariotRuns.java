package org.chariot.core.events;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/** Where launches announce their runs (and views the recorded runs they open), so that views follow the newest one. */
public final class ChariotRuns {

	private static final ChariotRuns INSTANCE = new ChariotRuns();

	private final List<Consumer<ViolationModel>> listeners = new CopyOnWriteArrayList<>();
	private volatile ViolationModel latest;

	public static ChariotRuns getDefault() {
		return INSTANCE;
	}

	public void addListener(Consumer<ViolationModel> listener) {
		listeners.add(listener);
	}

	public void removeListener(Consumer<ViolationModel> listener) {
		listeners.remove(listener);
	}

	/** Called when a run starts, or a recorded run is opened; on the caller's thread. */
	public void started(ViolationModel run) {
		latest = run;
		listeners.forEach(listener -> listener.accept(run));
	}

	public Optional<ViolationModel> latest() {
		return Optional.ofNullable(latest);
	}
}
