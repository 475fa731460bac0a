package org.chariot.emulator.coverage;

import java.util.Collections;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Coverage of one source file of a module.
 *
 * @param lines each line that has code, with how often it ran (the most any of its instructions ran)
 * @param functions the functions that begin in the file
 * @param branches the conditional branches that ran, each with both ways counted
 */
public record FileCoverage(String file, SortedMap<Integer, Integer> lines, List<Function> functions,
        List<Branch> branches) {

    /** A function: the line of its first instruction and how often it was entered. */
    public record Function(String name, int line, int entered) {
    }

    /**
     * A conditional branch on {@code line} (the {@code block}-th of the line's branches that ran):
     * how often it was taken and how often it fell through.
     */
    public record Branch(int line, int block, int taken, int fellThrough) {

        /** How many of its two ways ran at least once. */
        public int waysHit() {
            return (taken > 0 ? 1 : 0) + (fellThrough > 0 ? 1 : 0);
        }
    }

    public FileCoverage {
        lines = Collections.unmodifiableSortedMap(new TreeMap<>(lines));
        functions = List.copyOf(functions);
        branches = List.copyOf(branches);
    }

    public long linesHit() {
        return lines.values().stream().filter(hits -> hits > 0).count();
    }

    public long functionsHit() {
        return functions.stream().filter(f -> f.entered() > 0).count();
    }

    /** Branch directions (two per branch) that were taken at least once. */
    public long branchesHit() {
        return branches.stream().mapToLong(Branch::waysHit).sum();
    }
}
