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

import org.chariot.core.memory.MemoryMap;
import org.chariot.core.memory.MemoryMapBuilder;

/**
 * The violations of one run, filled from the event stream as it arrives (any thread) and read by index (any thread),
 * so a view can show 100 000 rows without copying them.
 */
public final class ViolationModel {

	/** Told, on the appending thread, how many violations arrived; coalesce before touching a UI. */
	@FunctionalInterface
	public interface Listener {
		void violationsAdded(ViolationModel model, int added);

		/** The run's memory map changed (a module loaded, a grant, a violation); after violationsAdded. */
		default void memoryMapChanged(ViolationModel model) {
			// most listeners care about the violations only
		}

		/** A test of the run (an init step, a KUnit case) ended; after violationsAdded. */
		default void testsChanged(ViolationModel model) {
			// most listeners care about the violations only
		}
	}

	private final String name;
	private final List<Violation> violations = new ArrayList<>();
	private final List<TestResult> tests = new ArrayList<>();
	private final Set<Path> moduleDirectories = new LinkedHashSet<>();
	private final List<Listener> listeners = new CopyOnWriteArrayList<>();
	private final MemoryMapBuilder memoryMap = new MemoryMapBuilder();
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
		boolean memoryMapChanged = false;
		boolean testsChanged = false;
		synchronized (this) {
			for (ChariotEvent event : events) {
				added += take(event);
				memoryMapChanged |= memoryMap.take(event);
				testsChanged |= event instanceof TestResult;
			}
		}
		for (Listener listener : listeners) {
			if (added > 0) {
				listener.violationsAdded(this, added);
			}
			if (memoryMapChanged) {
				listener.memoryMapChanged(this);
			}
			if (testsChanged) {
				listener.testsChanged(this);
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
		case TestResult test -> tests.add(test);
		case ModuleChanged module when module.loaded() && !module.hostPath().isEmpty() -> addModuleDirectory(module);
		case ModuleChanged module -> {
			// an unload, or a module without a host file, tells nothing about where its sources are
		}
		case GrantChanged grant -> {
			// only the memory map needs grants
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

	/** The run's tests (init steps and KUnit cases) that ended so far, in the order they ended. */
	public synchronized List<TestResult> tests() {
		return List.copyOf(tests);
	}

	/** The violation numbered {@code id} in the event stream, if it arrived. */
	public synchronized Optional<Violation> violation(long id) {
		return violations.stream().filter(v -> v.id() == id).findFirst();
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

	/** The isolated modules' memory as the records so far show it. */
	public synchronized MemoryMap memoryMap() {
		return memoryMap.snapshot();
	}

	public synchronized Map<ViolationKind, Integer> countsByKind() {
		Map<ViolationKind, Integer> counts = new EnumMap<>(ViolationKind.class);
		for (Violation violation : violations) {
			counts.merge(violation.kind(), 1, Integer::sum);
		}
		return counts;
	}
}
