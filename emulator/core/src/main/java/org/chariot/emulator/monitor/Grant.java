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
        /** A kernel object that the kernel's API hands the driver to write during a callback (a rule-table entry). */
        RULE,
        /** An object a kernel function created for the driver to fill, until it releases it (a rule-table entry). */
        RETURNED
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

    /** An object on the kernel's heap that the driver holds (allocated, or returned to fill). */
    public boolean isHeapObject() {
        return kind == Kind.ALLOCATION || kind == Kind.RETURNED;
    }

    public boolean contains(long address) {
        return Long.compareUnsigned(address, start) >= 0 && Long.compareUnsigned(address, end) < 0;
    }

    /** {@code kmalloc_trace(16) object [0x..., 0x...)}, for reports. */
    public String describe() {
        String what = switch (kind) {
            case ALLOCATION -> "object";
            case SECTION -> "section";
            case RULE -> "rule object";
            case RETURNED -> "returned object";
        };
        return String.format("%s %s [0x%x, 0x%x)", origin, what, start, end);
    }
}
