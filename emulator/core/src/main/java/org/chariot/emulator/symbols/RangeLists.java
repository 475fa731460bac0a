package org.chariot.emulator.symbols;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads the address ranges that a DW_AT_ranges attribute names: from {@code .debug_ranges}
 * (DWARF 4) or {@code .debug_rnglists} (DWARF 5).
 */
final class RangeLists {

    private final CompilationUnit unit;
    private final List<AddressRange> ranges = new ArrayList<>();
    private SectionAddress base;

    private RangeLists(CompilationUnit unit) {
        this.unit = unit;
        this.base = unit.base();
    }

    static List<AddressRange> read(CompilationUnit unit, Attribute rangesAttribute) throws MalformedDwarfException {
        RangeLists lists = new RangeLists(unit);
        if (unit.version() >= 5) {
            lists.readRnglist(lists.rnglistOffset(rangesAttribute));
        } else {
            lists.readRanges(rangesAttribute.value());
        }
        return List.copyOf(lists.ranges);
    }

    private void readRanges(long offset) throws MalformedDwarfException {
        DwarfCursor cursor = new DwarfCursor(unit.sections().ranges(), offset);
        int size = unit.addressSize();
        long baseSelection = size == 8 ? -1L : 0xffff_ffffL;
        while (true) {
            SectionAddress begin = cursor.address(size);
            SectionAddress end = cursor.address(size);
            if (isConstant(begin, 0) && isConstant(end, 0)) {
                return;
            }
            if (isConstant(begin, baseSelection)) {
                base = end;
            } else {
                add(relativeToBase(begin), relativeToBase(end));
            }
        }
    }

    /**
     * Whether an entry field holds this value without a relocation: a relocated (0, 0) is an empty
     * range at the start of a section, which gcc emits, not the end of the list.
     */
    private static boolean isConstant(SectionAddress field, long value) {
        return field.section() == SectionAddress.NO_SECTION && field.offset() == value;
    }

    private SectionAddress relativeToBase(SectionAddress address) {
        int section = address.section() != SectionAddress.NO_SECTION ? address.section() : base.section();
        return new SectionAddress(section, base.offset() + address.offset());
    }

    private long rnglistOffset(Attribute attribute) throws MalformedDwarfException {
        if (attribute.form() != Dwarf.FORM_RNGLISTX) {
            return attribute.value();
        }
        int size = unit.offsetSize();
        DwarfCursor table = new DwarfCursor(unit.sections().rnglists(), unit.rnglistsBase() + attribute.value() * size);
        return unit.rnglistsBase() + table.unsigned(size);
    }

    private void readRnglist(long offset) throws MalformedDwarfException {
        DwarfCursor cursor = new DwarfCursor(unit.sections().rnglists(), offset);
        int size = unit.addressSize();
        for (int kind = cursor.u8(); kind != Dwarf.RLE_END_OF_LIST; kind = cursor.u8()) {
            switch (kind) {
                case Dwarf.RLE_BASE_ADDRESSX -> base = unit.addressAtIndex(cursor.uleb());
                case Dwarf.RLE_STARTX_ENDX -> add(unit.addressAtIndex(cursor.uleb()), unit.addressAtIndex(cursor.uleb()));
                case Dwarf.RLE_STARTX_LENGTH -> addLength(unit.addressAtIndex(cursor.uleb()), cursor.uleb());
                case Dwarf.RLE_OFFSET_PAIR -> add(base.plus(cursor.uleb()), base.plus(cursor.uleb()));
                case Dwarf.RLE_BASE_ADDRESS -> base = cursor.address(size);
                case Dwarf.RLE_START_END -> add(cursor.address(size), cursor.address(size));
                case Dwarf.RLE_START_LENGTH -> addLength(cursor.address(size), cursor.uleb());
                default -> throw cursor.malformed("a range list entry of unknown kind " + kind + " at offset "
                        + (cursor.position() - 1));
            }
        }
    }

    private void add(SectionAddress start, SectionAddress end) {
        ranges.add(AddressRange.between(start, end));
    }

    private void addLength(SectionAddress start, long length) {
        ranges.add(AddressRange.of(start, length));
    }
}
