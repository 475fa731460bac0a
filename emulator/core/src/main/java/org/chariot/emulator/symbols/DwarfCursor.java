package org.chariot.emulator.symbols;

import java.nio.charset.StandardCharsets;

/**
 * A little-endian reading position inside one relocated debug section, bounded by a limit (the end
 * of the unit being read). Reading past the limit is an error that names the section and offset.
 */
final class DwarfCursor {

    private final RelocatedSection section;
    private int position;
    private int limit;

    DwarfCursor(RelocatedSection section, long start) throws MalformedDwarfException {
        this.section = section;
        this.limit = section.bytes().length;
        if (start < 0 || start > limit) {
            throw malformed("an offset " + start + " beyond its end (" + limit + " bytes)");
        }
        this.position = (int) start;
    }

    int position() {
        return position;
    }

    int limit() {
        return limit;
    }

    boolean hasMore() {
        return position < limit;
    }

    /** Narrows reading to the next {@code length} bytes (a unit's extent). */
    void limitTo(long length) throws MalformedDwarfException {
        if (length < 0 || length > limit - position) {
            throw malformed("a unit of " + length + " bytes at offset " + position + ", past the end at " + limit);
        }
        limit = position + (int) length;
    }

    void seek(long offset) throws MalformedDwarfException {
        if (offset < 0 || offset > limit) {
            throw malformed("a reference to offset " + offset + ", outside the unit ending at " + limit);
        }
        position = (int) offset;
    }

    void skip(long count) throws MalformedDwarfException {
        require(count);
        position += (int) count;
    }

    int u8() throws MalformedDwarfException {
        require(1);
        return section.bytes()[position++] & 0xff;
    }

    int u16() throws MalformedDwarfException {
        return (int) unsigned(2);
    }

    long u32() throws MalformedDwarfException {
        return unsigned(4);
    }

    long u64() throws MalformedDwarfException {
        return unsigned(8);
    }

    /** An unsigned little-endian value of {@code size} bytes (1 to 8). */
    long unsigned(int size) throws MalformedDwarfException {
        require(size);
        long value = 0;
        for (int i = 0; i < size; i++) {
            value |= (section.bytes()[position + i] & 0xffL) << (8 * i);
        }
        position += size;
        return value;
    }

    /** An address of {@code size} bytes, with the section a relocation made it point into. */
    SectionAddress address(int size) throws MalformedDwarfException {
        int referenced = section.sectionReferencedAt(position);
        return new SectionAddress(referenced, unsigned(size));
    }

    /** A section offset: 4 bytes in 32-bit DWARF, 8 in 64-bit DWARF. */
    long offset(boolean dwarf64) throws MalformedDwarfException {
        return dwarf64 ? u64() : u32();
    }

    long uleb() throws MalformedDwarfException {
        return leb128(false);
    }

    long sleb() throws MalformedDwarfException {
        return leb128(true);
    }

    private long leb128(boolean signed) throws MalformedDwarfException {
        long value = 0;
        int shift = 0;
        int b;
        do {
            b = u8();
            if (shift < 64) {
                value |= (long) (b & 0x7f) << shift;
            }
            shift += 7;
        } while ((b & 0x80) != 0);
        if (signed && shift < 64 && (b & 0x40) != 0) {
            value |= -1L << shift;
        }
        return value;
    }

    /** A NUL-terminated UTF-8 string. */
    String string() throws MalformedDwarfException {
        int end = position;
        byte[] bytes = section.bytes();
        while (end < limit && bytes[end] != 0) {
            end++;
        }
        if (end == limit) {
            throw malformed("a string at offset " + position + " without its terminating NUL");
        }
        String value = new String(bytes, position, end - position, StandardCharsets.UTF_8);
        position = end + 1;
        return value;
    }

    /** A unit length: returns the length and whether the unit uses the 64-bit DWARF format. */
    UnitLength unitLength() throws MalformedDwarfException {
        long length = u32();
        if (length == 0xffff_ffffL) {
            return new UnitLength(u64(), true);
        }
        if (length >= 0xffff_fff0L) {
            throw malformed("a reserved unit length 0x" + Long.toHexString(length) + " at offset " + (position - 4));
        }
        return new UnitLength(length, false);
    }

    record UnitLength(long length, boolean dwarf64) {
    }

    MalformedDwarfException malformed(String what) {
        return new MalformedDwarfException("section " + section.name() + " is damaged: it holds " + what);
    }

    private void require(long count) throws MalformedDwarfException {
        if (count < 0 || count > limit - position) {
            throw new MalformedDwarfException("section " + section.name() + " is truncated: " + count
                    + " more bytes needed at offset " + position + ", but the " + (limit == section.bytes().length
                            ? "section" : "unit") + " ends at " + limit);
        }
    }
}
