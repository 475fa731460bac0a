package org.chariot.emulator.cpu;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.chariot.emulator.mmu.MemoryFault;
import org.chariot.emulator.mmu.Privilege;
import org.junit.jupiter.api.Test;

/** What the GDB stub relies on: breakpoints, single steps, registers and memory by virtual address. */
class DebugAccessTest {

    private final TestMachine machine = new TestMachine();
    private final DebugAccess debug = machine.hart.debug();

    @Test
    void breakpointStopsBeforeTheInstructionAndContinuingExecutesIt() {
        machine.load("""
                li   a0, 1
                target:
                li   a0, 2
                li   a0, 3
                """);
        long target = machine.program.symbol("target");
        debug.insertBreakpoint(target);
        assertEquals(StopReason.BREAKPOINT, machine.hart.run(100));
        assertEquals(target, debug.pc());
        assertEquals(1, debug.x(10));
        assertEquals(StopReason.INSTRUCTION_LIMIT, debug.step(), "a step from a breakpoint executes it");
        assertEquals(2, debug.x(10));
        debug.removeBreakpoint(target);
        debug.setPc(target);
        assertEquals(StopReason.INSTRUCTION_LIMIT, machine.hart.run(2));
        assertEquals(3, debug.x(10));
    }

    @Test
    void memoryIsReadAndWrittenThroughThePageTablesWithoutDevices() throws MemoryFault {
        long root = TestMachine.RAM_BASE + 0x10_0000;
        long leafTable = root + 0x1000;
        long middleTable = root + 0x2000;
        byte[] ram = machine.ram.bytes();
        // 0x4000_0000 -> RAM + 0x20_0000, readable only by the kernel, accessed bit clear.
        putLong(ram, root + 8 * 1, ((middleTable >>> 12) << 10) | 1);
        putLong(ram, middleTable, ((leafTable >>> 12) << 10) | 1);
        putLong(ram, leafTable, (((TestMachine.RAM_BASE + 0x20_0000) >>> 12) << 10) | 0x3);
        debug.setCsr(Csr.SATP, (8L << 60) | (root >>> 12));
        machine.hart.setPrivilege(Privilege.SUPERVISOR);
        debug.writeMemory(0x4000_0010L, new byte[] {1, 2, 3});
        assertArrayEquals(new byte[] {1, 2, 3}, debug.readMemory(0x4000_0010L, 3));
        assertEquals(2, ram[0x20_0011], "landed in the mapped physical page");
        assertEquals(0, ram[(int) (leafTable - TestMachine.RAM_BASE)] & 0x40, "accessed bit untouched");
        assertThrows(MemoryFault.class, () -> debug.readMemory(0x4000_1000L, 1));
        machine.hart.setPrivilege(Privilege.MACHINE);
        assertThrows(MemoryFault.class, () -> debug.readMemory(0x1000_0000L, 1), "device memory is refused");
    }

    private static void putLong(byte[] ram, long address, long value) {
        int offset = (int) (address - TestMachine.RAM_BASE);
        for (int i = 0; i < 8; i++) {
            ram[offset + i] = (byte) (value >>> (8 * i));
        }
    }
}
