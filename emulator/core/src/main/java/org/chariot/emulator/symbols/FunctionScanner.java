package org.chariot.emulator.symbols;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Walks every DIE of every unit once, collecting the subprograms and inlined subroutines that have
 * code, and the names needed to name them (an inlined instance is named by its abstract origin,
 * possibly in another unit, so names are resolved after the walk).
 */
final class FunctionScanner {

    private static final int MAX_ORIGIN_DEPTH = 100;

    /** The naming attributes of one DIE; {@code origin} is the DIE it takes its name from, or -1. */
    private record Naming(String name, String linkageName, long origin) {
    }

    /** A function DIE as found: its code, the function DIE it is nested in (-1 if none) and its call site. */
    private record Found(long die, int tag, List<AddressRange> ranges, long parent, String callFile, int callLine,
            int callColumn) {
    }

    private final Map<Long, Naming> namings = new HashMap<>();
    private final List<Found> found = new ArrayList<>();

    static FunctionTable scan(Map<CompilationUnit, LineProgram> units) throws MalformedDwarfException {
        FunctionScanner scanner = new FunctionScanner();
        for (Map.Entry<CompilationUnit, LineProgram> unit : units.entrySet()) {
            scanner.scanUnit(unit.getKey(), unit.getValue());
        }
        return scanner.table();
    }

    /** Walks the DIE tree, keeping for each level of children the innermost enclosing function DIE. */
    private void scanUnit(CompilationUnit unit, LineProgram lines) throws MalformedDwarfException {
        DwarfCursor cursor = unit.cursorAtFirstDie();
        Deque<Long> enclosingFunction = new ArrayDeque<>(List.of(-1L));
        while (cursor.hasMore()) {
            long die = cursor.position();
            Abbreviation abbreviation = unit.abbreviation(cursor);
            if (abbreviation == null) {
                if (enclosingFunction.size() > 1) {
                    enclosingFunction.pop();
                }
                continue;
            }
            long parent = enclosingFunction.peek();
            scanDie(unit, lines, die, parent, abbreviation, unit.readAttributes(cursor, abbreviation));
            if (abbreviation.hasChildren()) {
                enclosingFunction.push(isFunction(abbreviation.tag()) ? die : parent);
            }
        }
    }

    private void scanDie(CompilationUnit unit, LineProgram lines, long die, long parent, Abbreviation abbreviation,
            List<Attribute> attributes) throws MalformedDwarfException {
        String name = null, linkageName = null;
        long origin = -1, callFile = -1, callLine = 0, callColumn = 0;
        Attribute low = null, high = null, ranges = null;
        for (Attribute attribute : attributes) {
            switch (attribute.name()) {
                case Dwarf.AT_NAME -> name = unit.string(attribute);
                case Dwarf.AT_LINKAGE_NAME, Dwarf.AT_MIPS_LINKAGE_NAME -> linkageName = unit.string(attribute);
                case Dwarf.AT_ABSTRACT_ORIGIN, Dwarf.AT_SPECIFICATION -> origin = attribute.isReference()
                        ? attribute.value() : -1;
                case Dwarf.AT_LOW_PC -> low = attribute;
                case Dwarf.AT_HIGH_PC -> high = attribute;
                case Dwarf.AT_RANGES -> ranges = attribute;
                case Dwarf.AT_CALL_FILE -> callFile = attribute.value();
                case Dwarf.AT_CALL_LINE -> callLine = attribute.value();
                case Dwarf.AT_CALL_COLUMN -> callColumn = attribute.value();
                default -> {
                }
            }
        }
        if (name != null || linkageName != null || origin >= 0) {
            namings.put(die, new Naming(name, linkageName, origin));
        }
        if (isFunction(abbreviation.tag())) {
            List<AddressRange> code = ranges != null ? RangeLists.read(unit, ranges) : lowHigh(unit, low, high);
            found.add(new Found(die, abbreviation.tag(), mergeTouching(code), parent,
                    callFile >= 0 ? lines.fileName(callFile) : null, (int) callLine, (int) callColumn));
        }
    }

    private static boolean isFunction(int tag) {
        return tag == Dwarf.TAG_SUBPROGRAM || tag == Dwarf.TAG_INLINED_SUBROUTINE || tag == Dwarf.TAG_ENTRY_POINT;
    }

    private static List<AddressRange> lowHigh(CompilationUnit unit, Attribute low, Attribute high)
            throws MalformedDwarfException {
        if (low == null || high == null) {
            return List.of();
        }
        SectionAddress start = unit.address(low);
        return List.of(high.isConstant() ? AddressRange.of(start, high.value())
                : AddressRange.between(start, unit.address(high)));
    }

    /** Joins ranges that touch end to start, as addr2line does, since that changes which range fits best. */
    private static List<AddressRange> mergeTouching(List<AddressRange> ranges) {
        List<AddressRange> merged = new ArrayList<>();
        for (AddressRange range : ranges) {
            if (!range.isEmpty() && !joinedExisting(merged, range)) {
                merged.add(range);
            }
        }
        return merged;
    }

    private static boolean joinedExisting(List<AddressRange> merged, AddressRange range) {
        for (int i = 0; i < merged.size(); i++) {
            AddressRange existing = merged.get(i);
            if (existing.section() != range.section()) {
                continue;
            }
            if (range.low() == existing.high()) {
                merged.set(i, new AddressRange(existing.section(), existing.low(), range.high()));
                return true;
            }
            if (range.high() == existing.low()) {
                merged.set(i, new AddressRange(existing.section(), range.low(), existing.high()));
                return true;
            }
        }
        return false;
    }

    /** Names every function and links inlined ones to their callers; callers come first in DIE order. */
    private FunctionTable table() {
        Map<Long, DwarfFunction> byDie = new HashMap<>();
        List<FunctionTable.Entry> entries = new ArrayList<>();
        for (Found f : found) {
            DwarfFunction function = new DwarfFunction(nameOf(f.die(), 0), f.tag() == Dwarf.TAG_INLINED_SUBROUTINE,
                    byDie.get(f.parent()), f.callFile(), f.callLine(), f.callColumn());
            byDie.put(f.die(), function);
            for (AddressRange range : f.ranges()) {
                entries.add(new FunctionTable.Entry(range, f.die(), function));
            }
        }
        return new FunctionTable(entries);
    }

    private String nameOf(long die, int depth) {
        Naming naming = namings.get(die);
        if (naming == null || depth > MAX_ORIGIN_DEPTH) {
            return null;
        }
        if (naming.linkageName() != null) {
            return naming.linkageName();
        }
        if (naming.name() != null) {
            return naming.name();
        }
        return naming.origin() >= 0 ? nameOf(naming.origin(), depth + 1) : null;
    }
}
