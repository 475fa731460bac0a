package org.chariot.emulator.inject;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The arguments of a C call written on one line: where each starts and ends in the line, split at
 * the commas outside nested parentheses and brackets.
 *
 * @param starts the index in the line of each argument's first character
 * @param ends the index just past each argument's last character
 */
record CallArguments(String line, List<Integer> starts, List<Integer> ends) {

    /** The arguments of the call whose opening parenthesis is at {@code open}, if it closes on this line. */
    static Optional<CallArguments> at(String line, int open) {
        List<Integer> starts = new ArrayList<>();
        List<Integer> ends = new ArrayList<>();
        int depth = 0;
        starts.add(open + 1);
        for (int i = open; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '(' || c == '[') {
                depth++;
            } else if (c == ')' || c == ']') {
                depth--;
                if (depth == 0) {
                    ends.add(i);
                    return Optional.of(new CallArguments(line, List.copyOf(starts), List.copyOf(ends)));
                }
            } else if (c == ',' && depth == 1) {
                ends.add(i);
                starts.add(i + 1);
            }
        }
        return Optional.empty();
    }

    int count() {
        return starts.size();
    }

    /** Argument {@code index}, without the blanks around it. */
    String text(int index) {
        return line.substring(starts.get(index), ends.get(index)).strip();
    }

    /** The line with argument {@code index} replaced by {@code replacement} (blank before it kept). */
    String replacing(int index, String replacement) {
        int start = starts.get(index);
        while (start < ends.get(index) && Character.isWhitespace(line.charAt(start))) {
            start++;
        }
        return line.substring(0, start) + replacement + line.substring(ends.get(index));
    }
}
