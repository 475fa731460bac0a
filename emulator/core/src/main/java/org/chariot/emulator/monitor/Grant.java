package org.chariot.emulator.monitor;

/**
 * Bytes {@code [start, end)} that an isolated driver may write, and why: the provenance a report
 * shows when a write misses them.
 *
 * @param origin where the grant came from: a section name, an allocator's name, a rule name
 * @param site where the driver asked for it (an allocation's call site), or null
 */
public record Grant(long start, long end, Kind kind, String origin, Frame site) {

    /** What granted the bytes. */
    public enum Kind {
        /** A writable section of the driver's module image (.data, .bss, ...). */
        SECTION,
        /** An allocation the driver made and has not freed. */
        ALLOCATION,
        /** A kernel object that the kernel's API hands the driver to write (a rule-table entry). */
        RULE
    }

    public Grant {
        if (Long.compareUnsigned(start, end) >= 0) {
            throw new IllegalArgumentException(String.format("empty grant [0x%x, 0x%x)", start, end));
        }
    }

    public Grant(long start, long end, Kind kind, String origin) {
        this(start, end, kind, origin, null);
    }

    public long size() {
        return end - start;
    }

    public boolean contains(long address) {
        return Long.compareUnsigned(address, start) >= 0 && Long.compareUnsigned(address, end) < 0;
    }

    /** {@code kmalloc_trace(16) object [0x..., 0x...)}, for reports. */
    public String describe() {
        return String.format("%s %s [0x%x, 0x%x)", origin, kind == Kind.ALLOCATION ? "object" : kind == Kind.SECTION
                ? "section" : "rule object", start, end);
    }
}
