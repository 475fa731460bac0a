package org.chariot.emulator.monitor;

/**
 * Bytes {@code [start, end)} that an isolated driver may write, and why: the provenance a report
 * shows when a write misses them.
 *
 * @param origin where the grant came from: a section name, an allocation call site, a rule name
 */
public record Grant(long start, long end, Kind kind, String origin) {

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

    public long size() {
        return end - start;
    }

    public boolean contains(long address) {
        return Long.compareUnsigned(address, start) >= 0 && Long.compareUnsigned(address, end) < 0;
    }
}
