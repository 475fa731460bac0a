package org.chariot.emulator.symbols;

import java.util.ArrayList;
import java.util.List;

/**
 * One unit of {@code .debug_info} (DWARF 4 or 5): its header, its top DIE's attributes (name,
 * compilation directory, line program, bases for indexed strings, addresses and range lists), and
 * the reading of attribute values in its context.
 */
final class CompilationUnit {

    private final DebugSections sections;
    private final long offset;
    private final int version;
    private final boolean dwarf64;
    private final int addressSize;
    private final AbbreviationTable abbreviations;
    private final long firstDie;
    private final long end;
    private long strOffsetsBase;
    private long addrBase;
    private long rnglistsBase;
    private SectionAddress base = new SectionAddress(SectionAddress.NO_SECTION, 0);
    private String compDir;
    private long lineProgram = -1;

    private CompilationUnit(DebugSections sections, DwarfCursor cursor) throws MalformedDwarfException {
        this.sections = sections;
        this.offset = cursor.position();
        DwarfCursor.UnitLength length = cursor.unitLength();
        this.dwarf64 = length.dwarf64();
        cursor.limitTo(length.length());
        this.end = cursor.limit();
        this.version = cursor.u16();
        if (version < 2 || version > 5) {
            throw cursor.malformed("a unit at offset " + offset + " of DWARF version " + version
                    + "; versions 2 to 5 are read");
        }
        int unitType = version >= 5 ? cursor.u8() : Dwarf.UT_COMPILE;
        long abbrevOffset;
        if (version >= 5) {
            this.addressSize = cursor.u8();
            abbrevOffset = cursor.offset(dwarf64);
        } else {
            abbrevOffset = cursor.offset(dwarf64);
            this.addressSize = cursor.u8();
        }
        if (addressSize != 4 && addressSize != 8) {
            throw cursor.malformed("a unit at offset " + offset + " with address size " + addressSize);
        }
        this.firstDie = unitType == Dwarf.UT_COMPILE || unitType == Dwarf.UT_PARTIAL ? cursor.position() : end;
        this.abbreviations = AbbreviationTable.read(sections.abbrev(), abbrevOffset);
    }

    /** The compile and partial units of {@code .debug_info}, in section order. */
    static List<CompilationUnit> readAll(DebugSections sections) throws MalformedDwarfException {
        List<CompilationUnit> units = new ArrayList<>();
        DwarfCursor cursor = new DwarfCursor(sections.info(), 0);
        while (cursor.hasMore()) {
            CompilationUnit unit = new CompilationUnit(sections, cursor);
            unit.readUnitDie();
            units.add(unit);
            cursor = new DwarfCursor(sections.info(), unit.end);
        }
        return units;
    }

    private void readUnitDie() throws MalformedDwarfException {
        DwarfCursor cursor = cursorAtFirstDie();
        if (!cursor.hasMore()) {
            return;
        }
        Abbreviation abbreviation = abbreviation(cursor);
        List<Attribute> attributes = readAttributes(cursor, abbreviation);
        for (Attribute attribute : attributes) {
            switch (attribute.name()) {
                case Dwarf.AT_STR_OFFSETS_BASE -> strOffsetsBase = attribute.value();
                case Dwarf.AT_ADDR_BASE -> addrBase = attribute.value();
                case Dwarf.AT_RNGLISTS_BASE -> rnglistsBase = attribute.value();
                default -> {
                }
            }
        }
        for (Attribute attribute : attributes) {
            switch (attribute.name()) {
                case Dwarf.AT_COMP_DIR -> compDir = string(attribute);
                case Dwarf.AT_STMT_LIST -> lineProgram = attribute.value();
                case Dwarf.AT_LOW_PC -> base = address(attribute);
                default -> {
                }
            }
        }
    }

    DwarfCursor cursorAtFirstDie() throws MalformedDwarfException {
        DwarfCursor cursor = new DwarfCursor(sections.info(), offset);
        cursor.limitTo(end - offset);
        cursor.seek(firstDie);
        return cursor;
    }

    DebugSections sections() {
        return sections;
    }

    int version() {
        return version;
    }

    /** The size of section offsets in this unit: 4 in 32-bit DWARF, 8 in 64-bit DWARF. */
    int offsetSize() {
        return dwarf64 ? 8 : 4;
    }

    int addressSize() {
        return addressSize;
    }

    /** The unit's base address (its DW_AT_low_pc), which range list entries are relative to. */
    SectionAddress base() {
        return base;
    }

    /** The compilation directory, or null when the unit does not record one. */
    String compDir() {
        return compDir;
    }

    /** The offset of the unit's line program in {@code .debug_line}, or -1 when it has none. */
    long lineProgram() {
        return lineProgram;
    }

    long rnglistsBase() {
        return rnglistsBase;
    }

    /** Reads the abbreviation code at the cursor; null for the 0 that ends a list of children. */
    Abbreviation abbreviation(DwarfCursor cursor) throws MalformedDwarfException {
        long code = cursor.uleb();
        return code == 0 ? null : abbreviations.get(code, cursor);
    }

    List<Attribute> readAttributes(DwarfCursor cursor, Abbreviation abbreviation) throws MalformedDwarfException {
        List<Attribute> attributes = new ArrayList<>(abbreviation.attributes().size());
        for (Abbreviation.Specification specification : abbreviation.attributes()) {
            attributes.add(read(cursor, specification.name(), specification.form(), specification.implicitConstant()));
        }
        return attributes;
    }

    /** Reads one value of {@code form} at the cursor, which may be in any debug section. */
    Attribute read(DwarfCursor cursor, int name, int form, long implicitConstant) throws MalformedDwarfException {
        return switch (form) {
            case Dwarf.FORM_ADDR -> new Attribute(name, form, 0, cursor.address(addressSize), null);
            case Dwarf.FORM_STRING -> new Attribute(name, form, 0, null, cursor.string());
            case Dwarf.FORM_REF1, Dwarf.FORM_REF2, Dwarf.FORM_REF4, Dwarf.FORM_REF8, Dwarf.FORM_REF_UDATA ->
                    number(name, form, offset + fixedOrVariable(cursor, form));
            case Dwarf.FORM_INDIRECT -> readIndirect(cursor, name);
            case Dwarf.FORM_IMPLICIT_CONST -> number(name, form, implicitConstant);
            case Dwarf.FORM_FLAG_PRESENT -> number(name, form, 1);
            case Dwarf.FORM_BLOCK1, Dwarf.FORM_BLOCK2, Dwarf.FORM_BLOCK4, Dwarf.FORM_BLOCK, Dwarf.FORM_EXPRLOC -> {
                cursor.skip(fixedOrVariable(cursor, form));
                yield number(name, form, 0);
            }
            default -> number(name, form, fixedOrVariable(cursor, form));
        };
    }

    /** DW_FORM_indirect: the form comes first in the data; a form that is itself indirect is not allowed. */
    private Attribute readIndirect(DwarfCursor cursor, int name) throws MalformedDwarfException {
        int form = (int) cursor.uleb();
        if (form == Dwarf.FORM_INDIRECT || form == Dwarf.FORM_IMPLICIT_CONST) {
            throw cursor.malformed("an indirect attribute form 0x" + Integer.toHexString(form) + " at offset "
                    + cursor.position() + ", which cannot be indirect");
        }
        return read(cursor, name, form, 0);
    }

    private static Attribute number(int name, int form, long value) {
        return new Attribute(name, form, value, null, null);
    }

    /** The value (or block length) of a form stored as a fixed-size or LEB128 number. */
    private long fixedOrVariable(DwarfCursor cursor, int form) throws MalformedDwarfException {
        return switch (form) {
            case Dwarf.FORM_DATA1, Dwarf.FORM_REF1, Dwarf.FORM_FLAG, Dwarf.FORM_STRX1, Dwarf.FORM_ADDRX1,
                    Dwarf.FORM_BLOCK1 -> cursor.unsigned(1);
            case Dwarf.FORM_DATA2, Dwarf.FORM_REF2, Dwarf.FORM_STRX2, Dwarf.FORM_ADDRX2, Dwarf.FORM_BLOCK2 ->
                    cursor.unsigned(2);
            case Dwarf.FORM_STRX3, Dwarf.FORM_ADDRX3 -> cursor.unsigned(3);
            case Dwarf.FORM_DATA4, Dwarf.FORM_REF4, Dwarf.FORM_STRX4, Dwarf.FORM_ADDRX4, Dwarf.FORM_REF_SUP4,
                    Dwarf.FORM_BLOCK4 -> cursor.unsigned(4);
            case Dwarf.FORM_DATA8, Dwarf.FORM_REF8, Dwarf.FORM_REF_SIG8, Dwarf.FORM_REF_SUP8 -> cursor.unsigned(8);
            case Dwarf.FORM_DATA16 -> {
                cursor.skip(16);
                yield 0;
            }
            case Dwarf.FORM_SDATA -> cursor.sleb();
            case Dwarf.FORM_UDATA, Dwarf.FORM_REF_UDATA, Dwarf.FORM_STRX, Dwarf.FORM_ADDRX, Dwarf.FORM_LOCLISTX,
                    Dwarf.FORM_RNGLISTX, Dwarf.FORM_GNU_ADDR_INDEX, Dwarf.FORM_GNU_STR_INDEX, Dwarf.FORM_BLOCK,
                    Dwarf.FORM_EXPRLOC -> cursor.uleb();
            case Dwarf.FORM_STRP, Dwarf.FORM_LINE_STRP, Dwarf.FORM_SEC_OFFSET, Dwarf.FORM_REF_ADDR,
                    Dwarf.FORM_GNU_REF_ALT, Dwarf.FORM_GNU_STRP_ALT, Dwarf.FORM_STRP_SUP -> cursor.offset(dwarf64);
            default -> throw cursor.malformed("an attribute of unknown form 0x" + Integer.toHexString(form)
                    + " at offset " + cursor.position());
        };
    }

    /** The string an attribute holds or points to; null for forms naming another file's strings. */
    String string(Attribute attribute) throws MalformedDwarfException {
        return switch (attribute.form()) {
            case Dwarf.FORM_STRING -> attribute.string();
            case Dwarf.FORM_STRP -> new DwarfCursor(sections.str(), attribute.value()).string();
            case Dwarf.FORM_LINE_STRP -> new DwarfCursor(sections.lineStr(), attribute.value()).string();
            case Dwarf.FORM_STRX, Dwarf.FORM_STRX1, Dwarf.FORM_STRX2, Dwarf.FORM_STRX3, Dwarf.FORM_STRX4,
                    Dwarf.FORM_GNU_STR_INDEX -> indexedString(attribute.value());
            default -> null;
        };
    }

    private String indexedString(long index) throws MalformedDwarfException {
        DwarfCursor entry = new DwarfCursor(sections.strOffsets(), strOffsetsBase + index * offsetSize());
        return new DwarfCursor(sections.str(), entry.offset(dwarf64)).string();
    }

    /** The address an attribute holds, directly or through {@code .debug_addr}. */
    SectionAddress address(Attribute attribute) throws MalformedDwarfException {
        if (attribute.address() != null) {
            return attribute.address();
        }
        return addressAtIndex(attribute.value());
    }

    SectionAddress addressAtIndex(long index) throws MalformedDwarfException {
        return new DwarfCursor(sections.addr(), addrBase + index * addressSize).address(addressSize);
    }
}
