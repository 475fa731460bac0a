/**
 * Virtual memory for the hart: Sv39 translation with hardware-managed accessed/dirty bits, three
 * TLBs (fetch, load, store) whose hits touch the RAM array directly, and the hooks through which
 * the Chariot monitor and the debugger watch stores ({@link org.chariot.emulator.mmu.StoreObserver})
 * and code ({@link org.chariot.emulator.mmu.FetchObserver}) without slowing pages they do not watch.
 * Nothing here knows about the CPU: the hart tells the {@link org.chariot.emulator.mmu.Mmu} its
 * privilege, {@code mstatus} bits and {@code satp}, and turns a
 * {@link org.chariot.emulator.mmu.MemoryFault} into a trap.
 */
package org.chariot.emulator.mmu;
