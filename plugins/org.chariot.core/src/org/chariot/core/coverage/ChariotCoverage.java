package org.chariot.core.coverage;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/** The newest run's coverage, announced to the views that show it (the summary, the annotations' toggle). */
public final class ChariotCoverage {

	/** Coverage of one run of a launch configuration. */
	public record RunCoverage(String launchConfiguration, List<SourceCoverage> files) {

		public RunCoverage {
			files = List.copyOf(files);
		}
	}

	private static final ChariotCoverage INSTANCE = new ChariotCoverage();

	private final List<Consumer<RunCoverage>> listeners = new CopyOnWriteArrayList<>();
	private volatile RunCoverage latest;

	public static ChariotCoverage getDefault() {
		return INSTANCE;
	}

	public void addListener(Consumer<RunCoverage> listener) {
		listeners.add(listener);
	}

	public void removeListener(Consumer<RunCoverage> listener) {
		listeners.remove(listener);
	}

	/** A run's coverage was read; on the caller's thread. */
	public void published(RunCoverage coverage) {
		latest = coverage;
		listeners.forEach(listener -> listener.accept(coverage));
	}

	public Optional<RunCoverage> latest() {
		return Optional.ofNullable(latest);
	}
}
