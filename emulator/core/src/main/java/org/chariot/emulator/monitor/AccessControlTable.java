package org.chariot.emulator.monitor;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What one isolated driver may write, byte by byte: disjoint grants sorted by address, with a
 * per-page count of granted bytes so that the common question "is this whole page writable?" costs
 * one lookup. Beside them, the guards of its heap objects: the bytes around an object that belong to
 * no object (slack, redzones), which nobody may write while the object lives, not even kernel code
 * working for the driver. Addresses are kernel virtual addresses, compared unsigned.
 */
public final class AccessControlTable {

    public static final int PAGE_SHIFT = 12;
    public static final long PAGE_SIZE = 1L << PAGE_SHIFT;

    /** How much of a page the driver may write. */
    public enum PageAccess { ALL, SOME, NONE }

    /** Told of every grant and revocation, in the order they happen. */
    public interface Changes {
        Changes NONE = new Changes() {
        };

        default void granted(Grant grant) {
        }

        default void revoked(Grant grant) {
        }
    }

    /** Bytes next to a heap object that nobody may write while {@code object} lives. */
    public record Guard(long start, long end, Grant object) {
        boolean overlaps(long address, int size) {
            return Long.compareUnsigned(address, end) < 0 && Long.compareUnsigned(start, address + size) < 0;
        }
    }

    /** Guards are this close to their objects: the search for those of a revoked object looks no further. */
    private static final long GUARD_REACH = PAGE_SIZE;

    private final TreeMap<Long, Grant> grants = new TreeMap<>(Long::compareUnsigned);
    private final Map<Long, Long> grantedBytesPerPage = new HashMap<>();
    private final TreeMap<Long, Guard> guards = new TreeMap<>(Long::compareUnsigned);
    private final Map<Long, Integer> guardsPerPage = new HashMap<>();
    private Changes changes = Changes.NONE;
    private int heapObjects;
    /** The grant that allowed the last write: stores come in runs to one object, which then costs two compares. */
    private Grant lastAllowed;

    /** Tells {@code listener} of the changes from now on. */
    public void reportChangesTo(Changes listener) {
        this.changes = listener;
    }

    /**
     * Grants {@code grant}'s bytes. Grants it overlaps are revoked first: the memory was reused, so
     * whatever granted it before no longer holds.
     */
    public List<Grant> grant(Grant grant) {
        List<Grant> replaced = revoke(grant.start(), grant.end());
        grants.put(grant.start(), grant);
        count(grant, +1);
        changes.granted(grant);
        return replaced;
    }

    /**
     * Grants {@code grant}'s bytes and guards {@code guards} around it (ranges next to it, empty
     * ones skipped), which go when it goes.
     */
    public void grant(Grant grant, long[][] guardRanges) {
        grant(grant);
        for (long[] range : guardRanges) {
            if (Long.compareUnsigned(range[0], range[1]) < 0) {
                removeGuards(range[0], range[1], null);
                Guard guard = new Guard(range[0], range[1], grant);
                guards.put(guard.start(), guard);
                countGuard(guard, +1);
            }
        }
    }

    /** Revokes every grant that overlaps {@code [start, end)}, whole, with their guards; returns them. */
    public List<Grant> revoke(long start, long end) {
        List<Grant> removed = new ArrayList<>();
        Map.Entry<Long, Grant> entry = grants.floorEntry(start);
        Long key = entry != null && Long.compareUnsigned(entry.getValue().end(), start) > 0 ? entry.getKey()
                : grants.ceilingKey(start);
        while (key != null && Long.compareUnsigned(key, end) < 0) {
            Grant grant = grants.remove(key);
            if (grant == lastAllowed) {
                lastAllowed = null;
            }
            count(grant, -1);
            removed.add(grant);
            changes.revoked(grant);
            key = grants.ceilingKey(key);
        }
        for (Grant grant : removed) {
            long from = Long.compareUnsigned(grant.start(), GUARD_REACH) > 0 ? grant.start() - GUARD_REACH : 0;
            long to = grant.end() + GUARD_REACH != 0 ? grant.end() + GUARD_REACH : -1L;
            removeGuards(from, to, grant);
        }
        if (start == 0 && end == -1L) {
            guards.clear();
            guardsPerPage.clear();
        }
        return removed;
    }

    /** Removes the guards in {@code [start, end)} of {@code object} (or of any object if null). */
    private void removeGuards(long start, long end, Grant object) {
        Map.Entry<Long, Guard> below = guards.floorEntry(start);
        Long key = below != null && Long.compareUnsigned(below.getValue().end(), start) > 0 ? below.getKey()
                : guards.ceilingKey(start);
        while (key != null && Long.compareUnsigned(key, end) < 0) {
            Guard guard = guards.get(key);
            if (object == null || guard.object() == object) {
                guards.remove(key);
                countGuard(guard, -1);
            }
            key = guards.higherKey(key);
        }
    }

    /** The guard that {@code [address, address + size)} touches, if any. */
    public Optional<Guard> guardAt(long address, int size) {
        Map.Entry<Long, Guard> below = guards.floorEntry(address);
        if (below != null && below.getValue().overlaps(address, size)) {
            return Optional.of(below.getValue());
        }
        Map.Entry<Long, Guard> above = guards.higherEntry(address);
        return above != null && above.getValue().overlaps(address, size) ? Optional.of(above.getValue())
                : Optional.empty();
    }

    /** Whether some guard lies on the page at {@code address}. */
    public boolean guardsPage(long address) {
        return guardsPerPage.containsKey(address >>> PAGE_SHIFT);
    }

    /** The grant that starts exactly at {@code start}, as an allocation's pointer names it. */
    public Optional<Grant> startingAt(long start) {
        return Optional.ofNullable(grants.get(start));
    }

    public Optional<Grant> containing(long address) {
        Map.Entry<Long, Grant> entry = grants.floorEntry(address);
        return entry != null && entry.getValue().contains(address) ? Optional.of(entry.getValue()) : Optional.empty();
    }

    /** True if every byte of {@code [address, address + size)} is granted. */
    public boolean allows(long address, int size) {
        Grant last = lastAllowed;
        if (last != null && Long.compareUnsigned(address - last.start(), last.size() - size) <= 0
                && Long.compareUnsigned(size, last.size()) <= 0) {
            return true;
        }
        long cursor = address;
        long end = address + size;
        while (Long.compareUnsigned(cursor, end) < 0) {
            Optional<Grant> grant = containing(cursor);
            if (grant.isEmpty()) {
                return false;
            }
            lastAllowed = grant.get();
            cursor = grant.get().end();
        }
        return true;
    }

    /** The grants nearest below and above {@code address}, for describing what a wild write missed. */
    public Optional<Grant> nearest(long address) {
        Map.Entry<Long, Grant> below = grants.floorEntry(address);
        Map.Entry<Long, Grant> above = grants.higherEntry(address);
        if (below == null) {
            return above == null ? Optional.empty() : Optional.of(above.getValue());
        }
        if (above == null || below.getValue().contains(address)) {
            return Optional.of(below.getValue());
        }
        long gapBelow = address - below.getValue().end();
        long gapAbove = above.getValue().start() - address;
        return Optional.of(Long.compareUnsigned(gapBelow, gapAbove) <= 0 ? below.getValue() : above.getValue());
    }

    public PageAccess pageAccess(long address) {
        long granted = grantedBytesPerPage.getOrDefault(address >>> PAGE_SHIFT, 0L);
        return granted == 0 ? PageAccess.NONE : granted == PAGE_SIZE ? PageAccess.ALL : PageAccess.SOME;
    }

    public List<Grant> grants() {
        return List.copyOf(grants.values());
    }

    private void countGuard(Guard guard, int sign) {
        for (long page = guard.start() >>> PAGE_SHIFT; page <= (guard.end() - 1) >>> PAGE_SHIFT; page++) {
            guardsPerPage.merge(page, sign, (a, b) -> a + b == 0 ? null : a + b);
        }
    }

    /** Whether some heap object (allocated, or returned to fill) is granted. */
    public boolean hasHeapObjects() {
        return heapObjects > 0;
    }

    private void count(Grant grant, int sign) {
        if (grant.isHeapObject()) {
            heapObjects += sign;
        }
        long cursor = grant.start();
        while (Long.compareUnsigned(cursor, grant.end()) < 0) {
            long page = cursor >>> PAGE_SHIFT;
            long pageEnd = (page + 1) << PAGE_SHIFT;
            long upTo = Long.compareUnsigned(pageEnd, grant.end()) < 0 && pageEnd != 0 ? pageEnd : grant.end();
            long bytes = sign * (upTo - cursor);
            grantedBytesPerPage.merge(page, bytes, (a, b) -> a + b == 0 ? null : a + b);
            cursor = upTo;
        }
    }
}
