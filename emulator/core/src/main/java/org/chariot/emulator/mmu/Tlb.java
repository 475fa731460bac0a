package org.chariot.emulator.mmu;

import java.util.Arrays;

/**
 * A direct-mapped translation cache for one kind of access. A tag is the virtual page plus the
 * access context (see {@link Mmu}); the entry says where the page lives in the RAM array, as an
 * addend: {@code index = virtualAddress + addend}. Only RAM pages are cached; device pages always
 * take the slow path.
 */
final class Tlb {

    static final int PAGE_BITS = 12;
    static final long PAGE_MASK = -1L << PAGE_BITS;
    /** A tag bit that makes the fast-path comparison fail without evicting the entry. */
    static final long CHECK = 1L << 11;
    private static final int BITS = 10;
    private static final int MASK = (1 << BITS) - 1;
    private static final long INVALID = -1;

    final long[] tags = new long[1 << BITS];
    final long[] addends = new long[1 << BITS];
    /** Set while an entry maps part of a superpage, whose other 4 KiB parts a flush by address must also reach. */
    private boolean holdsSuperpage;

    Tlb() {
        flushAll();
    }

    static int index(long virtualAddress) {
        return (int) (virtualAddress >>> PAGE_BITS) & MASK;
    }

    void fill(long virtualAddress, long tag, long addend, boolean superpage) {
        int i = index(virtualAddress);
        tags[i] = tag;
        addends[i] = addend;
        holdsSuperpage |= superpage;
    }

    void flushAll() {
        Arrays.fill(tags, INVALID);
        holdsSuperpage = false;
    }

    void flushPage(long virtualAddress) {
        if (holdsSuperpage) {
            flushAll();
            return;
        }
        int i = index(virtualAddress);
        if ((tags[i] & PAGE_MASK) == (virtualAddress & PAGE_MASK)) {
            tags[i] = INVALID;
        }
    }
}
