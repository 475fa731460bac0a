package org.chariot.emulator.gdb;

import java.util.OptionalLong;
import org.chariot.emulator.cpu.DebugAccess;
import org.chariot.emulator.cpu.Decoded;
import org.chariot.emulator.cpu.Opcode;
import org.chariot.emulator.cpu.RegisterNames;
import org.chariot.emulator.mmu.MemoryFault;

/**
 * What a function's prologue did before the pc got where it is: how far it moved the stack pointer
 * down, and where it saved the return address. The guest kernel has no frame pointers and modules
 * carry no unwind tables the stub reads, so callers are found the way GDB finds them without CFI:
 * by reading the prologue ({@code addi sp,sp,-N} and its compressed forms {@code c.addi16sp} and
 * {@code c.addi sp}; {@code sd ra,OFF(sp)} and {@code c.sdsp ra}), decoded by the hart's own table.
 */
record Prologue(long frameSize, OptionalLong returnAddressSlot) {

    /** How many instructions of a function are read at most: prologues are short. */
    private static final int MAX_INSTRUCTIONS = 32;

    /** The prologue of the function starting at {@code start}, as far as it ran before {@code pc}. */
    static Prologue scan(DebugAccess hart, long start, long pc) throws MemoryFault {
        long frameSize = 0;
        OptionalLong slot = OptionalLong.empty();
        long address = start;
        for (int i = 0; i < MAX_INSTRUCTIONS && address < pc; i++) {
            Decoded instruction = Decoded.of(hart.readInstruction(address));
            boolean onStack = instruction.rs1() == RegisterNames.SP;
            if (instruction.opcode() == Opcode.ADDI && onStack && instruction.rd() == RegisterNames.SP
                    && instruction.imm() < 0) {
                frameSize -= instruction.imm();
            } else if (instruction.opcode() == Opcode.SD && onStack && instruction.rs2() == RegisterNames.RA) {
                slot = OptionalLong.of(instruction.imm());
            }
            address += instruction.length();
        }
        return new Prologue(frameSize, slot);
    }
}
