package org.chariot.emulator.monitor;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import org.chariot.emulator.cpu.DebugAccess;
import org.chariot.emulator.mmu.MemoryFault;

/**
 * An exception table ({@code __ex_table}) of the kernel or of a module: the instructions whose
 * faults the kernel fixes up (uaccess, {@code *_nofault}), so that such a fault is the kernel's
 * business, not a wild write. Entries are RISC-V's relative ones: {@code int insn, fixup; short
 * type, data}, {@code insn} relative to the entry.
 */
final class ExceptionTable {

    static final ExceptionTable EMPTY = new ExceptionTable(new long[0]);
    private static final int ENTRY_SIZE = 12;

    private final long[] instructions;

    private ExceptionTable(long[] instructions) {
        this.instructions = instructions;
    }

    /** The table in guest memory at {@code [start, end)}; empty if it cannot be read. */
    static ExceptionTable read(DebugAccess guest, long start, long end) {
        long length = end - start;
        if (length <= 0 || length % ENTRY_SIZE != 0 || length > 1 << 24) {
            return EMPTY;
        }
        try {
            ByteBuffer bytes = ByteBuffer.wrap(guest.readMemory(start, (int) length)).order(ByteOrder.LITTLE_ENDIAN);
            long[] instructions = new long[(int) (length / ENTRY_SIZE)];
            for (int i = 0; i < instructions.length; i++) {
                instructions[i] = start + (long) i * ENTRY_SIZE + bytes.getInt(i * ENTRY_SIZE);
            }
            Arrays.sort(instructions);
            return new ExceptionTable(instructions);
        } catch (MemoryFault e) {
            return EMPTY;
        }
    }

    /** Whether a fault of the instruction at {@code pc} is fixed up. */
    boolean covers(long pc) {
        return Arrays.binarySearch(instructions, pc) >= 0;
    }
}
