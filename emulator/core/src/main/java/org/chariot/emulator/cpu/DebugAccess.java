package org.chariot.emulator.cpu;

import org.chariot.emulator.mmu.MemoryFault;

/**
 * What a debugger (the GDB stub) may do to a stopped hart: registers and CSRs (through
 * {@link HartRegisters}), memory by virtual address, single steps and breakpoints. Call it only
 * while the hart is not running, except {@link #insertBreakpoint}/{@link #removeBreakpoint}.
 */
public interface DebugAccess extends HartRegisters {

    /**
     * Reads RAM at a virtual address, translated as the hart's loads are now (bare in M-mode, else
     * through {@code satp} with every mapped page readable), without setting accessed/dirty bits or
     * filling TLBs. Device memory is refused, since reading a device register has side effects.
     *
     * @throws MemoryFault if some byte is unmapped or not RAM
     */
    byte[] readMemory(long address, int length) throws MemoryFault;

    /**
     * Reads the instruction at a virtual address as {@link #readMemory} reads bytes: a compressed
     * instruction in the low 16 bits (the upper bits zero), else all 32 bits. Only the half-words the
     * instruction occupies are read, so a compressed instruction at the end of a page reads no further.
     */
    default int readInstruction(long address) throws MemoryFault {
        int low = halfWord(address);
        return new Instruction(low).length() == 4 ? low | halfWord(address + 2) << 16 : low;
    }

    private int halfWord(long address) throws MemoryFault {
        byte[] bytes = readMemory(address, 2);
        return (bytes[0] & 0xff) | (bytes[1] & 0xff) << 8;
    }

    /** Writes RAM at a virtual address, translated as {@link #readMemory} does. */
    void writeMemory(long address, byte[] data) throws MemoryFault;

    /** Executes one instruction (in the handler, if an interrupt was pending); breakpoints do not stop it. */
    StopReason step();

    /**
     * {@link Hart#run} stops with {@link StopReason#BREAKPOINT} before executing {@code pc}: at once
     * on a stopped hart, within a few thousand instructions on a running one.
     */
    void insertBreakpoint(long pc);

    void removeBreakpoint(long pc);
}
