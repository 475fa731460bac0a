package org.chariot.emulator.gdb;

import org.chariot.emulator.cpu.DebugAccess;
import org.chariot.emulator.cpu.StopReason;
import org.chariot.emulator.mmu.MemoryFault;
import org.chariot.emulator.mmu.Mmu;
import org.chariot.emulator.mmu.StoreDecision;
import org.chariot.emulator.mmu.StoreObserver;

/**
 * Going on from a store that the halt policy stopped: run again, the store would only halt again, so the client
 * could never leave it. That one instruction is stepped with its observed store dropped, as the block policy drops
 * it; the monitor is not asked again, since it recorded the violation when it halted the store. A halt at a free's
 * entry (not a store instruction) is left to the monitor, which lets the free run when the hart goes on.
 */
final class HaltedStoreRelease {

    private static final int STORE = 0x23, STORE_FP = 0x27, AMO = 0x2f;

    private HaltedStoreRelease() {
    }

    /** Whether the instruction at the pc writes memory: a store, a floating-point store or an atomic. */
    static boolean isStoreAt(DebugAccess hart) {
        try {
            byte[] bytes = hart.readMemory(hart.pc(), 2);
            int bits = (bytes[0] & 0xff) | (bytes[1] & 0xff) << 8;
            int quadrant = bits & 3;
            if (quadrant == 3) {
                int opcode = bits & 0x7f;
                return opcode == STORE || opcode == STORE_FP || opcode == AMO;
            }
            int funct3 = bits >>> 13;
            return (quadrant == 0 || quadrant == 2) && funct3 >= 5; // c.fsd/c.sw/c.sd and their sp forms
        } catch (MemoryFault unreadable) {
            return false;
        }
    }

    static StopReason stepDroppingTheStore(Mmu mmu, DebugAccess hart) {
        if (!mmu.hasStoreObservers()) {
            return QuietStep.step(hart);
        }
        StoreObserver dropAll = new StoreObserver() {
            @Override
            public boolean interested(long virtualPage, long physicalPage) {
                return false;
            }

            @Override
            public StoreDecision beforeStore(long virtualAddress, long physicalAddress, int size, long value) {
                return StoreDecision.DROP;
            }

            @Override
            public StoreDecision beforeFaultingStore(long virtualAddress, int size, long value, MemoryFault fault) {
                return StoreDecision.DROP;
            }
        };
        mmu.addStoreObserverFirst(dropAll);
        try {
            return QuietStep.step(hart);
        } finally {
            mmu.removeStoreObserver(dropAll);
        }
    }
}
