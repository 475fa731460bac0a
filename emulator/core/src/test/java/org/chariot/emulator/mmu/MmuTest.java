package org.chariot.emulator.mmu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.chariot.emulator.bus.Bus;
import org.chariot.emulator.bus.Ram;
import org.junit.jupiter.api.Test;

/** Sv39 translation, permissions, A/D bits, TLB flushing and the observer hooks, on hand-built page tables. */
class MmuTest {

    private static final long RAM = 0x8000_0000L;
    private static final long ROOT = RAM + 0x10_0000;
    private static final long SATP = (8L << 60) | (ROOT >>> 12);
    private static final int S = 1, U = 0;
    private static final long V = 1, R = 2, W = 4, X = 8, USER = 16, A = 64, D = 128;

    private final Ram ram = new Ram(4 << 20);
    private final Bus bus = new Bus(RAM, ram);
    private final Mmu mmu = new Mmu(bus);
    private final PageTables tables = new PageTables(bus, ROOT);

    private void supervisor(boolean sum) {
        mmu.setContext(S, S, sum, false, SATP);
    }

    @Test
    void bareModeIsIdentity() throws Exception {
        mmu.setContext(3, 3, false, false, 0);
        mmu.store64(RAM + 8, 0x1122334455667788L);
        assertEquals(0x1122334455667788L, mmu.load64(RAM + 8));
        assertEquals(0x55667788L, mmu.load32(RAM + 8));
    }

    @Test
    void translatesAndSetsAccessedThenDirty() throws Exception {
        long pte = tables.map4k(0x4000_1000L, RAM + 0x20_0000, V | R | W);
        supervisor(false);
        mmu.load64(0x4000_1008L);
        assertEquals(A, tables.read(pte) & (A | D), "a load sets A only");
        mmu.store32(0x4000_1010L, 0xdeadbeefL);
        assertEquals(A | D, tables.read(pte) & (A | D), "a store sets D");
        assertEquals(0xdeadbeefL, bus.load(RAM + 0x20_0010, 4));
    }

    @Test
    void faultsCarryTheCauseAndTheVirtualAddress() {
        tables.map4k(0x4000_2000L, RAM + 0x20_1000, V | R | A);
        supervisor(false);
        MemoryFault unmapped = assertThrows(MemoryFault.class, () -> mmu.load8(0x4000_5003L));
        assertEquals(13, unmapped.cause());
        assertEquals(0x4000_5003L, unmapped.address());
        MemoryFault readOnly = assertThrows(MemoryFault.class, () -> mmu.store16(0x4000_2002L, 1));
        assertEquals(15, readOnly.cause());
        MemoryFault noExecute = assertThrows(MemoryFault.class, () -> mmu.fetch(0x4000_2000L));
        assertEquals(12, noExecute.cause());
        MemoryFault nonCanonical = assertThrows(MemoryFault.class, () -> mmu.load8(0x0000_0040_0000_0000L));
        assertEquals(13, nonCanonical.cause());
    }

    @Test
    void superpagesMapTwoMegabytesAndMustBeAligned() throws Exception {
        tables.mapSuperpage(0x6000_0000L, RAM + 0x20_0000, V | R | W | A | D);
        supervisor(false);
        mmu.store64(0x6012_3450L, 77);
        assertEquals(77, bus.load(RAM + 0x32_3450L, 8));
        tables.mapSuperpage(0x6020_0000L, RAM + 0x20_1000, V | R | W | A | D);
        assertEquals(13, assertThrows(MemoryFault.class, () -> mmu.load8(0x6020_0000L)).cause());
    }

    @Test
    void userPagesNeedSumFromSupervisorAndSupervisorPagesAreClosedToUser() throws Exception {
        tables.map4k(0x1000L, RAM + 0x20_0000, V | R | W | USER | A | D);
        tables.map4k(0x2000L, RAM + 0x20_1000, V | R | W | A | D);
        supervisor(false);
        assertThrows(MemoryFault.class, () -> mmu.load8(0x1000L));
        supervisor(true);
        mmu.load8(0x1000L);
        mmu.setContext(U, U, false, false, SATP);
        mmu.load8(0x1000L);
        assertThrows(MemoryFault.class, () -> mmu.load8(0x2000L));
    }

    @Test
    void theTlbKeepsATranslationUntilFlushed() throws Exception {
        long pte = tables.map4k(0x4000_3000L, RAM + 0x20_0000, V | R | W | A | D);
        bus.store(RAM + 0x20_0000, 8, 1);
        bus.store(RAM + 0x20_1000, 8, 2);
        supervisor(false);
        assertEquals(1, mmu.load64(0x4000_3000L));
        tables.write(pte, (((RAM + 0x20_1000) >>> 12) << 10) | V | R | W | A | D);
        assertEquals(1, mmu.load64(0x4000_3000L), "stale until sfence.vma, as on hardware");
        mmu.flushPage(0x4000_3000L);
        assertEquals(2, mmu.load64(0x4000_3000L));
    }

    @Test
    void flushingOnePageOfASuperpageDropsItsOtherPagesToo() throws Exception {
        tables.mapSuperpage(0x6000_0000L, RAM + 0x20_0000, V | R | W | A | D);
        supervisor(false);
        mmu.load8(0x6000_5000L);
        tables.write(tables.superpageEntry(0x6000_0000L), 0);
        mmu.flushPage(0x6000_0000L);
        assertThrows(MemoryFault.class, () -> mmu.load8(0x6000_5000L));
    }

    @Test
    void misalignedAccessesAcrossPagesAreSplit() throws Exception {
        tables.map4k(0x4000_0000L, RAM + 0x20_1000, V | R | W | A | D);
        tables.map4k(0x4000_1000L, RAM + 0x20_0000, V | R | W | A | D);
        supervisor(false);
        mmu.store64(0x4000_0ffcL, 0x0102030405060708L);
        assertEquals(0x05060708L, bus.load(RAM + 0x20_1ffc, 4));
        assertEquals(0x01020304L, bus.load(RAM + 0x20_0000, 4));
        assertEquals(0x0102030405060708L, mmu.load64(0x4000_0ffcL));
    }

    @Test
    void storeObserverSeesOnlyItsPagesAndMayDropOrHalt() throws Exception {
        tables.map4k(0x4000_0000L, RAM + 0x20_0000, V | R | W | A | D);
        tables.map4k(0x4000_1000L, RAM + 0x20_1000, V | R | W | A | D);
        List<String> seen = new ArrayList<>();
        StoreDecision[] answer = {StoreDecision.DROP};
        mmu.addStoreObserver(new StoreObserver() {
            @Override
            public boolean interested(long virtualPage, long physicalPage) {
                return virtualPage == 0x4000_1000L;
            }

            @Override
            public StoreDecision beforeStore(long virtualAddress, long physicalAddress, int size, long value) {
                seen.add(Long.toHexString(virtualAddress) + "->" + Long.toHexString(physicalAddress) + "/" + size);
                return answer[0];
            }
        });
        supervisor(false);
        for (int i = 0; i < 3; i++) {
            mmu.store64(0x4000_0000L + 8 * i, 5);
        }
        assertEquals(List.of(), seen, "stores to uninterested pages never reach the observer");
        mmu.store32(0x4000_1010L, 9);
        mmu.store32(0x4000_1010L, 9);
        assertEquals(List.of("40001010->80201010/4", "40001010->80201010/4"), seen, "every store, not only the first");
        assertEquals(0, bus.load(RAM + 0x20_1010, 4), "dropped");
        answer[0] = StoreDecision.HALT;
        assertThrows(StoreHalted.class, () -> mmu.store8(0x4000_1010L, 9));
        answer[0] = StoreDecision.COMMIT;
        mmu.store8(0x4000_1010L, 9);
        assertEquals(9, bus.load(RAM + 0x20_1010, 4));
    }

    @Test
    void eachStoreViewAsksTheObserverOnItsOwnAndSwitchingNeedsNoFlush() throws Exception {
        tables.map4k(0x4000_0000L, RAM + 0x20_0000, V | R | W | A | D);
        boolean[] driverRunning = {false};
        List<Long> seen = new ArrayList<>();
        mmu.addStoreObserver(new StoreObserver() {
            @Override
            public boolean interested(long virtualPage, long physicalPage) {
                return driverRunning[0];
            }

            @Override
            public StoreDecision beforeStore(long virtualAddress, long physicalAddress, int size, long value) {
                seen.add(virtualAddress);
                return StoreDecision.COMMIT;
            }
        });
        supervisor(false);
        mmu.store64(0x4000_0000L, 1);
        driverRunning[0] = true;
        mmu.selectStoreView(1);
        mmu.store64(0x4000_0008L, 2);
        driverRunning[0] = false;
        mmu.selectStoreView(0);
        mmu.store64(0x4000_0010L, 3);
        mmu.selectStoreView(1);
        mmu.store64(0x4000_0018L, 4);
        assertEquals(List.of(0x4000_0008L, 0x4000_0018L), seen, "view 1 kept its checked entry across the switches");
    }

    @Test
    void fetchObserverSeesItsPagesAndTheFirstFetchAfterLeavingThem() throws Exception {
        tables.map4k(0x4000_0000L, RAM + 0x20_0000, V | R | X | A);
        tables.map4k(0x4000_1000L, RAM + 0x20_1000, V | R | X | A);
        List<Long> seen = new ArrayList<>();
        mmu.setFetchObserver(new FetchObserver() {
            @Override
            public boolean interested(long virtualPage, long physicalPage) {
                return virtualPage == 0x4000_1000L;
            }

            @Override
            public int onFetch(long pc, int instruction) {
                seen.add(pc);
                return instruction;
            }
        });
        supervisor(false);
        mmu.fetch(0x4000_0000L);
        mmu.fetch(0x4000_1000L);
        mmu.fetch(0x4000_1004L);
        mmu.fetch(0x4000_0010L);
        mmu.fetch(0x4000_0014L);
        assertEquals(List.of(0x4000_1000L, 0x4000_1004L, 0x4000_0010L), seen);
    }

    @Test
    void fetchObserverMayReplaceTheInstructionItSees() throws Exception {
        tables.map4k(0x4000_1000L, RAM + 0x20_1000, V | R | X | A);
        int ret = 0x8082;
        mmu.setFetchObserver(new FetchObserver() {
            @Override
            public boolean interested(long virtualPage, long physicalPage) {
                return true;
            }

            @Override
            public int onFetch(long pc, int instruction) {
                return pc == 0x4000_1008L ? ret : instruction;
            }
        });
        supervisor(false);
        assertEquals(ret, mmu.fetch(0x4000_1008L));
        assertEquals(0, mmu.fetch(0x4000_100cL), "the RAM there is zero");
    }

    @Test
    void debugTranslationLeavesAccessedBitsAlone() throws Exception {
        long pte = tables.map4k(0x4000_0000L, RAM + 0x20_0000, V | X);
        supervisor(false);
        assertEquals(RAM + 0x20_0123, mmu.debugTranslate(0x4000_0123L));
        assertEquals(0, tables.read(pte) & A);
        assertTrue(assertThrows(MemoryFault.class, () -> mmu.debugTranslate(0x5000_0000L)).cause() > 0);
    }
}
