package org.chariot.emulator.cpu;

/**
 * One decoded instruction with its operands resolved, as the execution methods read them. Immutable
 * and shared: the decode cache hands the same object out for every occurrence of the same bits.
 */
final class Decoded {

    final Opcode op;
    final int rd;
    final int rs1;
    final int rs2;
    final long imm;
    /** 2 or 4 bytes: how far the pc moves and what {@code jal} links. */
    final int length;
    /** The raw instruction, for {@code mtval} on an illegal-instruction trap and for reports. */
    final int bits;

    Decoded(Opcode op, int rd, int rs1, int rs2, long imm, int length, int bits) {
        this.op = op;
        this.rd = rd;
        this.rs1 = rs1;
        this.rs2 = rs2;
        this.imm = imm;
        this.length = length;
        this.bits = bits;
    }

    @Override
    public String toString() {
        return String.format("%s rd=x%d rs1=x%d rs2=x%d imm=%d (0x%08x)", op, rd, rs1, rs2, imm, bits);
    }
}
