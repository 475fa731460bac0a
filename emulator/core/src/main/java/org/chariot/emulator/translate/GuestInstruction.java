package org.chariot.emulator.translate;

/** One decoded instruction of a block: its operation by name (as the hart's decoder calls it) and operands. */
public record GuestInstruction(String op, int rd, int rs1, int rs2, long imm, int length, long pc) {
}
