package org.chariot.emulator.cpu;

/**
 * The raw bits of one instruction with its operand fields by name. Every accessor is built on
 * {@link #x(int, int)} (unsigned field) and {@link #xs(int, int)} (sign-extended field), so each
 * immediate's scrambled layout is written once, next to the spec's name for it.
 */
public record Instruction(int bits) {

    /** The unsigned field of {@code len} bits starting at bit {@code lo}. */
    public long x(int lo, int len) {
        return (bits >>> lo) & ((1L << len) - 1);
    }

    /** The sign-extended field of {@code len} bits starting at bit {@code lo}. */
    public long xs(int lo, int len) {
        return ((long) bits << (64 - lo - len)) >> (64 - len);
    }

    /** 2 for a compressed instruction, 4 otherwise. */
    public int length() {
        return (bits & 3) == 3 ? 4 : 2;
    }

    public int rd() {
        return (int) x(7, 5);
    }

    public int rs1() {
        return (int) x(15, 5);
    }

    public int rs2() {
        return (int) x(20, 5);
    }

    public long iImm() {
        return xs(20, 12);
    }

    public long sImm() {
        return x(7, 5) | (xs(25, 7) << 5);
    }

    public long bImm() {
        return (x(8, 4) << 1) | (x(25, 6) << 5) | (x(7, 1) << 11) | (xs(31, 1) << 12);
    }

    public long uImm() {
        return xs(12, 20) << 12;
    }

    public long jImm() {
        return (x(21, 10) << 1) | (x(20, 1) << 11) | (x(12, 8) << 12) | (xs(31, 1) << 20);
    }

    public long shamt() {
        return x(20, 6);
    }

    public long csr() {
        return x(20, 12);
    }

    /** The 5-bit zero-extended immediate of the CSR instructions, in the rs1 field. */
    public long uimm() {
        return x(15, 5);
    }

    /** Atomics: acquire ordering. */
    public boolean aq() {
        return x(26, 1) != 0;
    }

    /** Atomics: release ordering. */
    public boolean rl() {
        return x(25, 1) != 0;
    }

    /** Compressed: the full register field in bits 6:2. */
    public int cRs2() {
        return (int) x(2, 5);
    }

    /** Compressed: the three-bit register field in bits 9:7, naming x8..x15. */
    public int cRs1s() {
        return 8 + (int) x(7, 3);
    }

    /** Compressed: the three-bit register field in bits 4:2, naming x8..x15. */
    public int cRs2s() {
        return 8 + (int) x(2, 3);
    }

    public long cImm() {
        return x(2, 5) | (xs(12, 1) << 5);
    }

    public long cShamt() {
        return x(2, 5) | (x(12, 1) << 5);
    }

    public long cLuiImm() {
        return cImm() << 12;
    }

    public long cAddi4spnImm() {
        return (x(6, 1) << 2) | (x(5, 1) << 3) | (x(11, 2) << 4) | (x(7, 4) << 6);
    }

    public long cAddi16spImm() {
        return (x(6, 1) << 4) | (x(2, 1) << 5) | (x(5, 1) << 6) | (x(3, 2) << 7) | (xs(12, 1) << 9);
    }

    public long cLwspImm() {
        return (x(4, 3) << 2) | (x(12, 1) << 5) | (x(2, 2) << 6);
    }

    public long cLdspImm() {
        return (x(5, 2) << 3) | (x(12, 1) << 5) | (x(2, 3) << 6);
    }

    public long cSwspImm() {
        return (x(9, 4) << 2) | (x(7, 2) << 6);
    }

    public long cSdspImm() {
        return (x(10, 3) << 3) | (x(7, 3) << 6);
    }

    public long cLwImm() {
        return (x(6, 1) << 2) | (x(10, 3) << 3) | (x(5, 1) << 6);
    }

    public long cLdImm() {
        return (x(10, 3) << 3) | (x(5, 2) << 6);
    }

    public long cJImm() {
        return (x(3, 3) << 1) | (x(11, 1) << 4) | (x(2, 1) << 5) | (x(7, 1) << 6) | (x(6, 1) << 7)
                | (x(9, 2) << 8) | (x(8, 1) << 10) | (xs(12, 1) << 11);
    }

    public long cBImm() {
        return (x(3, 2) << 1) | (x(10, 2) << 3) | (x(2, 1) << 5) | (x(5, 2) << 6) | (xs(12, 1) << 8);
    }
}
