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
 * Stores to pages the watchpoints do not cover stay on the MMU's fast path. They are the MMU's
 * first store observer, so a watchpoint fires before any other observer (the monitor) decides.
 */
final class Watchpoints implements StoreObserver {

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
    private long hitAddress;
    private boolean hit;

    Watchpoints(Mmu mmu) {
        this.mmu = mmu;
    }

    void insert(long address, int length) {
        if (length <= 0) {
            throw new MalformedPacketException("a watchpoint needs a length of at least 1, got " + length);
        }
        boolean first = watches.isEmpty();
        List<Watch> more = new ArrayList<>(watches);
        more.add(new Watch(address, length));
        watches = List.copyOf(more);
        if (first) {
            mmu.addStoreObserverFirst(this);
        } else {
            mmu.storeObserverChanged();
        }
    }

    void remove(long address, int length) {
        List<Watch> fewer = new ArrayList<>(watches);
        fewer.remove(new Watch(address, length));
        watches = List.copyOf(fewer);
        if (watches.isEmpty()) {
            mmu.removeStoreObserver(this);
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
        return watches.stream().anyMatch(w -> w.touchesPage(virtualPage));
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
        return StoreDecision.COMMIT;
    }
}
