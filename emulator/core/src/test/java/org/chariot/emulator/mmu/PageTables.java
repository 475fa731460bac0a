package org.chariot.emulator.mmu;

import org.chariot.emulator.bus.AccessFault;
import org.chariot.emulator.bus.Bus;

/** Builds Sv39 page tables in guest RAM for tests; intermediate tables come from a bump allocator. */
final class PageTables {

    private static final long VALID = 1;

    private final Bus bus;
    private final long root;
    private long nextTable;

    PageTables(Bus bus, long root) {
        this.bus = bus;
        this.root = root;
        this.nextTable = root + 4096;
    }

    /** Maps a 4 KiB page; returns the physical address of its leaf entry. */
    long map4k(long va, long pa, long flags) {
        long entry = entryAt(tableFor(tableFor(root, va, 2), va, 1), va, 0);
        write(entry, ((pa >>> 12) << 10) | flags);
        return entry;
    }

    /** Maps a 2 MiB superpage at level 1. */
    long mapSuperpage(long va, long pa, long flags) {
        long entry = superpageEntry(va);
        write(entry, ((pa >>> 12) << 10) | flags);
        return entry;
    }

    long superpageEntry(long va) {
        return entryAt(tableFor(root, va, 2), va, 1);
    }

    private long tableFor(long table, long va, int level) {
        long entry = entryAt(table, va, level);
        long pte = read(entry);
        if ((pte & VALID) == 0) {
            long fresh = nextTable;
            nextTable += 4096;
            write(entry, ((fresh >>> 12) << 10) | VALID);
            return fresh;
        }
        return (pte >>> 10) << 12;
    }

    private static long entryAt(long table, long va, int level) {
        return table + ((va >>> (12 + 9 * level)) & 0x1ff) * 8;
    }

    long read(long address) {
        try {
            return bus.load(address, 8);
        } catch (AccessFault e) {
            throw new IllegalStateException(e);
        }
    }

    void write(long address, long value) {
        try {
            bus.store(address, 8, value);
        } catch (AccessFault e) {
            throw new IllegalStateException(e);
        }
    }
}
