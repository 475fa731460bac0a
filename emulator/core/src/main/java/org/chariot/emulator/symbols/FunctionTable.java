package org.chariot.emulator.symbols;

import java.util.List;
import java.util.Optional;

/**
 * The code ranges of the functions that the DWARF describes, out-of-line and inlined, and which one
 * an address belongs to.
 */
final class FunctionTable {

    /** One range of one function; {@code order} is the DIE's offset, so nested DIEs come later. */
    record Entry(AddressRange range, long order, DwarfFunction function) {
    }

    private final List<Entry> entries;

    FunctionTable(List<Entry> entries) {
        this.entries = List.copyOf(entries);
    }

    /**
     * The function at an address: the one with the smallest single range that contains it, the later
     * DIE on a tie. That is addr2line's rule, which makes an inlined callee win over its caller.
     */
    Optional<DwarfFunction> functionAt(int section, long offset) {
        Entry best = null;
        for (Entry entry : entries) {
            if (entry.range().contains(section, offset) && (best == null || fitsBetter(entry, best))) {
                best = entry;
            }
        }
        return Optional.ofNullable(best).map(Entry::function);
    }

    private static boolean fitsBetter(Entry candidate, Entry best) {
        long length = candidate.range().length();
        long bestLength = best.range().length();
        return length < bestLength || (length == bestLength && candidate.order() > best.order());
    }
}
