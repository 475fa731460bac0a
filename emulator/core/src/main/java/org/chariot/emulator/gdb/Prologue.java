package org.chariot.emulator.gdb;

import java.util.OptionalLong;
import org.chariot.emulator.cpu.DebugAccess;
import org.chariot.emulator.mmu.MemoryFault;

/**
 * What a function's prologue did before the pc got where it is: how far it moved the stack pointer
 * down, and where it saved the return address. The guest kernel has no frame pointers and modules
 * carry no unwind tables the stub reads, so callers are found the way GDB finds them without CFI:
 * by reading the prologue ({@code addi sp,sp,-N}, {@code c.addi16sp}, {@code sd ra,OFF(sp)},
 * {@code c.sdsp ra}).
 */
record Prologue(long frameSize, OptionalLong returnAddressSlot) {

    /** How many instructions of a function are read at most: prologues are short. */
    private static final int MAX_INSTRUCTIONS = 32;
    private static final int SP = 2, RA = 1;

    /** The prologue of the function starting at {@code start}, as far as it ran before {@code pc}. */
    static Prologue scan(DebugAccess hart, long start, long pc) throws MemoryFault {
        long frameSize = 0;
        OptionalLong slot = OptionalLong.empty();
        long address = start;
        for (int i = 0; i < MAX_INSTRUCTIONS && address < pc; i++) {
            byte[] bytes = hart.readMemory(address, 2);
            int low = (bytes[0] & 0xff) | (bytes[1] & 0xff) << 8;
            if ((low & 0b11) == 0b11) {
                byte[] high = hart.readMemory(address + 2, 2);
                int insn = low | ((high[0] & 0xff) | (high[1] & 0xff) << 8) << 16;
                frameSize += stackAdjustment(insn);
                slot = savedReturnAddress(insn).isPresent() ? savedReturnAddress(insn) : slot;
                address += 4;
            } else {
                frameSize += compressedStackAdjustment(low);
                slot = compressedSavedReturnAddress(low).isPresent() ? compressedSavedReturnAddress(low) : slot;
                address += 2;
            }
        }
        return new Prologue(frameSize, slot);
    }

    /** {@code addi sp,sp,-N}: N; 0 for any other instruction. */
    private static long stackAdjustment(int insn) {
        boolean addiSp = (insn & 0x7f) == 0x13 && (insn >> 12 & 7) == 0 && (insn >> 7 & 0x1f) == SP
                && (insn >> 15 & 0x1f) == SP;
        int imm = insn >> 20;
        return addiSp && imm < 0 ? -imm : 0;
    }

    /** {@code sd ra,OFF(sp)}: OFF. */
    private static OptionalLong savedReturnAddress(int insn) {
        boolean sdRa = (insn & 0x7f) == 0x23 && (insn >> 12 & 7) == 3 && (insn >> 15 & 0x1f) == SP
                && (insn >> 20 & 0x1f) == RA;
        return sdRa ? OptionalLong.of((insn >> 25) << 5 | (insn >> 7 & 0x1f)) : OptionalLong.empty();
    }

    /** {@code c.addi16sp -N} or {@code c.addi sp,-N}: N. */
    private static long compressedStackAdjustment(int insn) {
        int quadrant = insn & 3, funct3 = insn >> 13 & 7, rd = insn >> 7 & 0x1f;
        if (quadrant != 1 || rd != SP) {
            return 0;
        }
        int imm;
        if (funct3 == 0b011) {
            imm = (insn >> 12 & 1) << 9 | (insn >> 3 & 3) << 7 | (insn >> 5 & 1) << 6 | (insn >> 2 & 1) << 5
                    | (insn >> 6 & 1) << 4;
            imm = imm << 22 >> 22;
        } else if (funct3 == 0b000) {
            imm = ((insn >> 12 & 1) << 5 | (insn >> 2 & 0x1f)) << 26 >> 26;
        } else {
            return 0;
        }
        return imm < 0 ? -imm : 0;
    }

    /** {@code c.sdsp ra,OFF(sp)}: OFF. */
    private static OptionalLong compressedSavedReturnAddress(int insn) {
        boolean sdsp = (insn & 3) == 2 && (insn >> 13 & 7) == 0b111 && (insn >> 2 & 0x1f) == RA;
        return sdsp ? OptionalLong.of((insn >> 10 & 7) << 3 | (insn >> 7 & 7) << 6) : OptionalLong.empty();
    }
}
