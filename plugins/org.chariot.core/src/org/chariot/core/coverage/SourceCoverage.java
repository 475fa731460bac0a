package org.chariot.core.coverage;

import java.util.Collections;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Coverage of one source file of a run, as its lcov tracefile says: each line with code and how often it ran, each
 * function with the line it begins on and how often it was entered.
 */
public record SourceCoverage(String file, SortedMap<Integer, Integer> lines, List<Function> functions) {

	/** A function of the file. */
	public record Function(String name, int line, long entered) {
	}

	public SourceCoverage {
		lines = Collections.unmodifiableSortedMap(new TreeMap<>(lines));
		functions = List.copyOf(functions);
	}

	public long linesHit() {
		return lines.values().stream().filter(hits -> hits > 0).count();
	}

	public long functionsEntered() {
		return functions.stream().filter(function -> function.entered() > 0).count();
	}
}
