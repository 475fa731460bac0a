package org.chariot.emulator.cpu;

/**
 * One decoded instruction with its operands resolved: what it executes (a compressed instruction is
 * its base instruction) and its operands by name. Immutable and shared: the decode cache hands the
 * same object out for every occurrence of the same bits. The execution methods read the fields; code
 * outside the hart (the GDB stub's prologue reader, the monitor's reports) reads the accessors.
 */
public final class Decoded {

    final Opcode op;
    final int rd;
    final int rs1;
    final int rs2;
    final long imm;
    /** The CSR number of a Zicsr instruction. */
    final int csr;
    /** The 5-bit zero-extended immediate of {@code csrrwi}, {@code csrrsi}, {@code csrrci}. */
    final int uimm;
    /** 2 or 4 bytes: how far the pc moves and what {@code jal} links. */
    final int length;
    /** The raw instruction, for {@code mtval} on an illegal-instruction trap and for reports. */
    final int bits;

    Decoded(Opcode op, int rd, int rs1, int rs2, long imm, int csr, int uimm, int length, int bits) {
        this.op = op;
        this.rd = rd;
        this.rs1 = rs1;
        this.rs2 = rs2;
        this.imm = imm;
        this.csr = csr;
        this.uimm = uimm;
        this.length = length;
        this.bits = bits;
    }

    /**
     * Decodes 32 instruction bits, or a compressed instruction in the low 16 bits, with the hart's
     * own instruction table; bits that match no line decode to {@link Opcode#ILLEGAL}.
     */
    public static Decoded of(int bits) {
        return Decoder.standard().decodeUncached((bits & 3) == 3 ? bits : bits & 0xffff);
    }

    public Opcode opcode() {
        return op;
    }

    public int rd() {
        return rd;
    }

    public int rs1() {
        return rs1;
    }

    public int rs2() {
        return rs2;
    }

    /** The immediate, assembled and sign-extended as the instruction uses it (a byte offset for branches and jumps). */
    public long imm() {
        return imm;
    }

    public int csr() {
        return csr;
    }

    public int uimm() {
        return uimm;
    }

    /** 2 for a compressed instruction, 4 otherwise. */
    public int length() {
        return length;
    }

    /** The instruction's bits, with its fields by name. */
    public Instruction instruction() {
        return new Instruction(bits);
    }

    @Override
    public String toString() {
        return String.format("%s rd=x%d rs1=x%d rs2=x%d imm=%d csr=0x%x uimm=%d (0x%08x)", op, rd, rs1, rs2, imm,
                csr, uimm, bits);
    }
}
