package org.chariot.emulator.symbols;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.IntFunction;
import java.util.function.Predicate;

/**
 * The rows of all line programs of a module, grouped into sequences and searchable by address.
 * Rows at one address collapse to the last of them, and overlapping sequences are trimmed, the way
 * binutils' addr2line does, so both report the same line.
 */
final class LineTable {

    private record Sequence(int section, long low, long high, List<LineRow> rows) {
    }

    private final List<Sequence> sequences;

    private LineTable(List<Sequence> sequences) {
        this.sequences = sequences;
    }

    /** Builds the table from sequences of rows in program order, each ending with an end-of-sequence row. */
    static LineTable of(List<List<LineRow>> programSequences) {
        List<Sequence> sorted = new ArrayList<>();
        for (List<LineRow> rows : programSequences) {
            List<LineRow> ordered = collapseSameAddress(rows);
            LineRow first = ordered.get(0);
            sorted.add(new Sequence(first.section(), first.address(), ordered.get(ordered.size() - 1).address(),
                    ordered));
        }
        sorted.sort(Comparator.comparingInt(Sequence::section).thenComparingLong(Sequence::low)
                .thenComparing(Comparator.comparingLong(Sequence::high).reversed()));
        return new LineTable(trimOverlaps(sorted));
    }

    private static List<LineRow> collapseSameAddress(List<LineRow> rows) {
        List<LineRow> ordered = new ArrayList<>(rows);
        ordered.sort(Comparator.comparingLong(LineRow::address));
        List<LineRow> kept = new ArrayList<>();
        for (LineRow row : ordered) {
            LineRow previous = kept.isEmpty() ? null : kept.get(kept.size() - 1);
            if (previous != null && previous.address() == row.address() && previous.endSequence() == row.endSequence()) {
                kept.set(kept.size() - 1, row);
            } else {
                kept.add(row);
            }
        }
        return kept;
    }

    private static List<Sequence> trimOverlaps(List<Sequence> sorted) {
        List<Sequence> kept = new ArrayList<>();
        for (Sequence sequence : sorted) {
            Sequence previous = kept.isEmpty() ? null : kept.get(kept.size() - 1);
            if (previous != null && previous.section() == sequence.section() && sequence.low() < previous.high()) {
                if (sequence.high() <= previous.high()) {
                    continue;
                }
                sequence = new Sequence(sequence.section(), previous.high(), sequence.high(), sequence.rows());
            }
            kept.add(sequence);
        }
        return kept;
    }

    /** The row that covers an address, if a sequence covers it. */
    Optional<LineRow> rowAt(int section, long offset) {
        for (Sequence sequence : sequences) {
            if (sequence.section() == section && offset >= sequence.low() && offset < sequence.high()) {
                return rowIn(sequence, offset);
            }
        }
        return Optional.empty();
    }

    /**
     * Where a breakpoint on {@code line} of a file goes, as a debugger places it: the first line at
     * or after it that has code in a file that {@code file} accepts, then in each
     * sequence the lowest address of that line. Empty when no code follows the line.
     */
    List<LineRow> breakpointRows(Predicate<String> file, int line) {
        OptionalInt codeLine = sequences.stream().flatMap(s -> s.rows().stream())
                .filter(row -> !row.endSequence() && row.line() >= line && file.test(row.file()))
                .mapToInt(LineRow::line).min();
        if (codeLine.isEmpty()) {
            return List.of();
        }
        List<LineRow> found = new ArrayList<>();
        for (Sequence sequence : sequences) {
            sequence.rows().stream()
                    .filter(row -> !row.endSequence() && row.line() == codeLine.getAsInt()
                            && file.test(row.file()) && row.address() >= sequence.low() && row.address() < sequence.high())
                    .min(Comparator.comparingLong(LineRow::address)).ifPresent(found::add);
        }
        return List.copyOf(found);
    }

    /** Every range of code with its line, sequence by sequence, as {@link #rowAt} would answer for its bytes. */
    List<LineRange> ranges(IntFunction<String> sectionName) {
        List<LineRange> ranges = new ArrayList<>();
        for (Sequence sequence : sequences) {
            List<LineRow> rows = sequence.rows();
            for (int i = 0; i + 1 < rows.size(); i++) {
                LineRow row = rows.get(i);
                long start = Math.max(row.address(), sequence.low());
                long end = Math.min(rows.get(i + 1).address(), sequence.high());
                if (!row.endSequence() && start < end) {
                    ranges.add(new LineRange(sectionName.apply(sequence.section()), start, end, row.file(), row.line()));
                }
            }
        }
        return ranges;
    }

    private static Optional<LineRow> rowIn(Sequence sequence, long offset) {
        List<LineRow> rows = sequence.rows();
        int low = 0, high = rows.size() - 1, found = -1;
        while (low <= high) {
            int middle = (low + high) >>> 1;
            if (rows.get(middle).address() <= offset) {
                found = middle;
                low = middle + 1;
            } else {
                high = middle - 1;
            }
        }
        if (found < 0 || found == rows.size() - 1 || rows.get(found).endSequence()) {
            return Optional.empty();
        }
        return Optional.of(rows.get(found));
    }
}
