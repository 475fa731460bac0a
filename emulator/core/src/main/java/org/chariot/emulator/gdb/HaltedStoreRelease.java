package org.chariot.emulator.gdb;

import org.chariot.emulator.cpu.DebugAccess;
import org.chariot.emulator.cpu.Decoded;
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

    private HaltedStoreRelease() {
    }

    /** Whether the instruction at the pc writes memory: a store or an atomic. */
    static boolean isStoreAt(DebugAccess hart) {
        try {
            return Decoded.of(hart.readInstruction(hart.pc())).opcode().writesMemory();
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
