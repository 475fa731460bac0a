package org.chariot.cli;

import java.util.ArrayList;
import java.util.List;

/** Figures of repeated runs of one side of a benchmark, summarised by their median. */
final class Samples {

    private final List<Double> values = new ArrayList<>();

    void add(double value) {
        values.add(value);
    }

    boolean isEmpty() {
        return values.isEmpty();
    }

    double median() {
        List<Double> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }

    double minimum() {
        return values.stream().min(Double::compare).orElseThrow();
    }
}
