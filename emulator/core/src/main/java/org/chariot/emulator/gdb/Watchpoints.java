package org.chariot.emulator.gdb;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import org.chariot.emulator.mmu.Mmu;
import org.chariot.emulator.mmu.StoreDecision;
import org.chariot.emulator.mmu.StoreObserver;

/**
 * Write watchpoints ({@code Z2}) as a store observer on the MMU: a store that touches a watched
 * range halts the hart before it lands, which is what GDB expects on RISC-V (its watchpoints are
 * "non-steppable": GDB removes them, steps the store, re-inserts them and compares values).
 * Stores to pages the watchpoints do not cover stay on the MMU's fast path. The observer that
 * was installed before (the monitor's) still sees every store it is interested in.
 */
final class Watchpoints implements StoreObserver {

    private static final long PAGE_MASK = ~0xfffL;

    private record Watch(long address, int length) {
        boolean overlaps(long start, int size) {
            return start < address + length && address < start + size;
        }

        boolean touchesPage(long page) {
            return overlaps(page, 0x1000);
        }
    }

    private final Mmu mmu;
    /** Changed only while the hart is stopped; read by the hart's thread. */
    private volatile List<Watch> watches = List.of();
    private StoreObserver next;
    private long hitAddress;
    private boolean hit;

    Watchpoints(Mmu mmu) {
        this.mmu = mmu;
    }

    void insert(long address, int length) {
        if (length <= 0) {
            throw new MalformedPacketException("a watchpoint needs a length of at least 1, got " + length);
        }
        if (watches.isEmpty()) {
            next = mmu.storeObserver();
            mmu.setStoreObserver(this);
        }
        List<Watch> more = new ArrayList<>(watches);
        more.add(new Watch(address, length));
        watches = List.copyOf(more);
        mmu.storeObserverChanged();
    }

    void remove(long address, int length) {
        List<Watch> fewer = new ArrayList<>(watches);
        fewer.remove(new Watch(address, length));
        watches = List.copyOf(fewer);
        if (watches.isEmpty() && mmu.storeObserver() == this) {
            mmu.setStoreObserver(next);
        } else {
            mmu.storeObserverChanged();
        }
    }

    void clear() {
        for (Watch watch : watches) {
            remove(watch.address(), watch.length());
        }
    }

    /** The watched address the last halted store touched, and forgets it; empty if no watchpoint halted the hart. */
    OptionalLong takeHit() {
        OptionalLong address = hit ? OptionalLong.of(hitAddress) : OptionalLong.empty();
        hit = false;
        return address;
    }

    @Override
    public boolean interested(long virtualPage, long physicalPage) {
        return watches.stream().anyMatch(w -> w.touchesPage(virtualPage))
                || (next != null && next.interested(virtualPage, physicalPage));
    }

    @Override
    public StoreDecision beforeStore(long virtualAddress, long physicalAddress, int size, long value) {
        for (Watch watch : watches) {
            if (watch.overlaps(virtualAddress, size)) {
                hit = true;
                hitAddress = Math.max(virtualAddress, watch.address());
                return StoreDecision.HALT;
            }
        }
        if (next != null && next.interested(virtualAddress & PAGE_MASK, physicalAddress & PAGE_MASK)) {
            return next.beforeStore(virtualAddress, physicalAddress, size, value);
        }
        return StoreDecision.COMMIT;
    }
}
