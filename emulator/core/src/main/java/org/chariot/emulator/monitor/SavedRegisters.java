package org.chariot.emulator.monitor;

import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Where the driver's prologues saved return addresses in its stack frames, with the stack pointer
 * of each frame: while a frame lives, only the instruction that saved its slot may write it, not
 * the driver's other code nor kernel code it called (a {@code copy_from_user} too long for a stack
 * buffer). A frame lives until the driver's stack pointer rises above it.
 */
final class SavedRegisters {

    /** Slots remembered at most; forgetting old ones only loses detections. */
    private static final int MAX_SLOTS = 4096;
    private static final long STACK_MASK = -WriteClassifier.THREAD_SIZE;

    private final TreeMap<Long, Long> frameOfSlot = new TreeMap<>(Long::compareUnsigned);
    private final Map<Long, Integer> slotsPerPage = new HashMap<>();
    /** No frame lies below this (unsigned): a stack pointer at or below it finds nothing returned. */
    private long lowestFrame = -1L;

    /**
     * A prologue saved a return address at {@code slot} for its frame at {@code sp}: every frame
     * below the slot on that stack has returned, since the new frame spans from {@code sp} to above
     * its slot. Returns true if {@code slot}'s page had no slot before.
     */
    boolean saved(long slot, long sp) {
        returnedBelow(slot + Long.BYTES);
        if (frameOfSlot.size() == MAX_SLOTS) {
            clear();
        }
        boolean newPage = !slotsPerPage.containsKey(slot >>> AccessControlTable.PAGE_SHIFT);
        if (Long.compareUnsigned(sp, lowestFrame) < 0) {
            lowestFrame = sp;
        }
        if (frameOfSlot.put(slot, sp) == null) {
            slotsPerPage.merge(slot >>> AccessControlTable.PAGE_SHIFT, 1, Integer::sum);
        }
        return newPage;
    }

    /**
     * Whether {@code slot} is a saved register's slot of the frame at {@code sp}: the frame saving
     * that register again (GCC's shrink-wrapping saves a register on each path that needs it) is no
     * overwrite.
     */
    boolean slotOfFrame(long slot, long sp) {
        Long frame = frameOfSlot.get(slot);
        return frame != null && frame == sp;
    }

    /** The driver's stack pointer is {@code sp}: its frames below it on that stack have returned. */
    void returnedBelow(long sp) {
        if (Long.compareUnsigned(sp, lowestFrame) <= 0) {
            return;
        }
        lowestFrame = -1L;
        long stack = (sp - 1) & STACK_MASK;
        frameOfSlot.entrySet().removeIf(e -> {
            boolean dead = (e.getValue() & STACK_MASK) == stack && Long.compareUnsigned(e.getValue(), sp) < 0;
            if (dead) {
                slotsPerPage.merge(e.getKey() >>> AccessControlTable.PAGE_SHIFT, -1, (a, b) -> a + b == 0 ? null : a + b);
            } else if (Long.compareUnsigned(e.getValue(), lowestFrame) < 0) {
                lowestFrame = e.getValue();
            }
            return dead;
        });
    }

    /**
     * Whether {@code [address, address + size)} overwrites a saved return address of a frame that
     * lives while the driver's stack pointer is {@code driverSp}.
     */
    boolean overwrites(long address, int size, long driverSp) {
        long stack = (driverSp - 1) & STACK_MASK;
        for (long slot = address & -Long.BYTES; Long.compareUnsigned(slot, address + size) < 0; slot += Long.BYTES) {
            Long frame = frameOfSlot.get(slot);
            if (frame != null && (frame & STACK_MASK) == stack && Long.compareUnsigned(frame, driverSp) >= 0) {
                return true;
            }
        }
        return false;
    }

    /** Whether the page at {@code address} holds a saved return address. */
    boolean onPage(long address) {
        return slotsPerPage.containsKey(address >>> AccessControlTable.PAGE_SHIFT);
    }

    void clear() {
        frameOfSlot.clear();
        slotsPerPage.clear();
        lowestFrame = -1L;
    }
}
