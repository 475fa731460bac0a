package org.chariot.core.events;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The violations of one run, filled from the event stream as it arrives (any thread) and read by index (any thread),
 * so a view can show 100 000 rows without copying them.
 */
public final class ViolationModel {

	/** Told, on the appending thread, how many violations arrived; coalesce before touching a UI. */
	@FunctionalInterface
	public interface Listener {
		void violationsAdded(ViolationModel model, int added);
	}

	private final String name;
	private final List<Violation> violations = new ArrayList<>();
	private final Set<Path> moduleDirectories = new LinkedHashSet<>();
	private final List<Listener> listeners = new CopyOnWriteArrayList<>();
	private RunStarted run;
	private RunSummary summary;

	/** @param name what the user knows the run by: its launch configuration or its file */
	public ViolationModel(String name) {
		this.name = name;
	}

	public String name() {
		return name;
	}

	public void addListener(Listener listener) {
		listeners.add(listener);
	}

	public void removeListener(Listener listener) {
		listeners.remove(listener);
	}

	/** Takes in a batch of records in stream order. */
	public void append(List<ChariotEvent> events) {
		int added = 0;
		synchronized (this) {
			for (ChariotEvent event : events) {
				added += take(event);
			}
		}
		if (added > 0) {
			for (Listener listener : listeners) {
				listener.violationsAdded(this, added);
			}
		}
	}

	private int take(ChariotEvent event) {
		switch (event) {
		case Violation violation -> {
			violations.add(violation);
			return 1;
		}
		case RunStarted started -> run = started;
		case RunSummary finished -> summary = finished;
		case ModuleChanged module when module.loaded() && !module.hostPath().isEmpty() -> addModuleDirectory(module);
		case ModuleChanged module -> {
			// an unload, or a module without a host file, tells nothing about where its sources are
		}
		case ConsoleOutput console -> {
			// the console belongs to the Console view
		}
		}
		return 0;
	}

	private void addModuleDirectory(ModuleChanged module) {
		Path parent = Path.of(module.hostPath()).getParent();
		if (parent != null) {
			moduleDirectories.add(parent);
		}
	}

	public synchronized int size() {
		return violations.size();
	}

	public synchronized Violation get(int index) {
		return violations.get(index);
	}

	/** A copy of the violations from index {@code from} (inclusive) to {@code to} (exclusive). */
	public synchronized List<Violation> range(int from, int to) {
		return List.copyOf(violations.subList(from, to));
	}

	public synchronized List<Violation> violations() {
		return List.copyOf(violations);
	}

	public synchronized Optional<RunStarted> run() {
		return Optional.ofNullable(run);
	}

	public synchronized Optional<RunSummary> summary() {
		return Optional.ofNullable(summary);
	}

	/** The host directories of the loaded modules' .ko files: where relative DWARF paths start. */
	public synchronized List<Path> moduleDirectories() {
		return List.copyOf(moduleDirectories);
	}

	public synchronized Map<ViolationKind, Integer> countsByKind() {
		Map<ViolationKind, Integer> counts = new EnumMap<>(ViolationKind.class);
		for (Violation violation : violations) {
			counts.merge(violation.kind(), 1, Integer::sum);
		}
		return counts;
	}
}
