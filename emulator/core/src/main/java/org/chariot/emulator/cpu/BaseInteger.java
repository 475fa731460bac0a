package org.chariot.emulator.cpu;

import org.chariot.emulator.mmu.MemoryFault;

/** RV64I: one method per instruction. Branches and jumps set {@code nextPc}; the hart advances otherwise. */
final class BaseInteger {

    private BaseInteger() {
    }

    static void lui(Hart h, Decoded d) {
        h.setX(d.rd, d.imm);
    }

    static void auipc(Hart h, Decoded d) {
        h.setX(d.rd, h.pc + d.imm);
    }

    static void jal(Hart h, Decoded d) {
        h.setX(d.rd, h.pc + d.length);
        h.nextPc = h.pc + d.imm;
    }

    static void jalr(Hart h, Decoded d) {
        long target = (h.x[d.rs1] + d.imm) & ~1L;
        h.setX(d.rd, h.pc + d.length);
        h.nextPc = target;
    }

    private static void branchIf(Hart h, Decoded d, boolean taken) {
        if (taken) {
            h.nextPc = h.pc + d.imm;
        }
    }

    static void beq(Hart h, Decoded d) {
        branchIf(h, d, h.x[d.rs1] == h.x[d.rs2]);
    }

    static void bne(Hart h, Decoded d) {
        branchIf(h, d, h.x[d.rs1] != h.x[d.rs2]);
    }

    static void blt(Hart h, Decoded d) {
        branchIf(h, d, h.x[d.rs1] < h.x[d.rs2]);
    }

    static void bge(Hart h, Decoded d) {
        branchIf(h, d, h.x[d.rs1] >= h.x[d.rs2]);
    }

    static void bltu(Hart h, Decoded d) {
        branchIf(h, d, Long.compareUnsigned(h.x[d.rs1], h.x[d.rs2]) < 0);
    }

    static void bgeu(Hart h, Decoded d) {
        branchIf(h, d, Long.compareUnsigned(h.x[d.rs1], h.x[d.rs2]) >= 0);
    }

    private static long address(Hart h, Decoded d) {
        return h.x[d.rs1] + d.imm;
    }

    static void lb(Hart h, Decoded d) throws MemoryFault {
        h.setX(d.rd, (byte) h.mmu.load8(address(h, d)));
    }

    static void lh(Hart h, Decoded d) throws MemoryFault {
        h.setX(d.rd, (short) h.mmu.load16(address(h, d)));
    }

    static void lw(Hart h, Decoded d) throws MemoryFault {
        h.setX(d.rd, (int) h.mmu.load32(address(h, d)));
    }

    static void ld(Hart h, Decoded d) throws MemoryFault {
        h.setX(d.rd, h.mmu.load64(address(h, d)));
    }

    static void lbu(Hart h, Decoded d) throws MemoryFault {
        h.setX(d.rd, h.mmu.load8(address(h, d)));
    }

    static void lhu(Hart h, Decoded d) throws MemoryFault {
        h.setX(d.rd, h.mmu.load16(address(h, d)));
    }

    static void lwu(Hart h, Decoded d) throws MemoryFault {
        h.setX(d.rd, h.mmu.load32(address(h, d)));
    }

    static void sb(Hart h, Decoded d) throws MemoryFault {
        h.mmu.store8(address(h, d), h.x[d.rs2]);
    }

    static void sh(Hart h, Decoded d) throws MemoryFault {
        h.mmu.store16(address(h, d), h.x[d.rs2]);
    }

    static void sw(Hart h, Decoded d) throws MemoryFault {
        h.mmu.store32(address(h, d), h.x[d.rs2]);
    }

    static void sd(Hart h, Decoded d) throws MemoryFault {
        h.mmu.store64(address(h, d), h.x[d.rs2]);
    }

    static void addi(Hart h, Decoded d) {
        h.setX(d.rd, h.x[d.rs1] + d.imm);
    }

    static void slti(Hart h, Decoded d) {
        h.setX(d.rd, h.x[d.rs1] < d.imm ? 1 : 0);
    }

    static void sltiu(Hart h, Decoded d) {
        h.setX(d.rd, Long.compareUnsigned(h.x[d.rs1], d.imm) < 0 ? 1 : 0);
    }

    static void xori(Hart h, Decoded d) {
        h.setX(d.rd, h.x[d.rs1] ^ d.imm);
    }

    static void ori(Hart h, Decoded d) {
        h.setX(d.rd, h.x[d.rs1] | d.imm);
    }

    static void andi(Hart h, Decoded d) {
        h.setX(d.rd, h.x[d.rs1] & d.imm);
    }

    static void slli(Hart h, Decoded d) {
        h.setX(d.rd, h.x[d.rs1] << d.imm);
    }

    static void srli(Hart h, Decoded d) {
        h.setX(d.rd, h.x[d.rs1] >>> d.imm);
    }

    static void srai(Hart h, Decoded d) {
        h.setX(d.rd, h.x[d.rs1] >> d.imm);
    }

    static void add(Hart h, Decoded d) {
        h.setX(d.rd, h.x[d.rs1] + h.x[d.rs2]);
    }

    static void sub(Hart h, Decoded d) {
        h.setX(d.rd, h.x[d.rs1] - h.x[d.rs2]);
    }

    static void sll(Hart h, Decoded d) {
        h.setX(d.rd, h.x[d.rs1] << h.x[d.rs2]);
    }

    static void slt(Hart h, Decoded d) {
        h.setX(d.rd, h.x[d.rs1] < h.x[d.rs2] ? 1 : 0);
    }

    static void sltu(Hart h, Decoded d) {
        h.setX(d.rd, Long.compareUnsigned(h.x[d.rs1], h.x[d.rs2]) < 0 ? 1 : 0);
    }

    static void xor(Hart h, Decoded d) {
        h.setX(d.rd, h.x[d.rs1] ^ h.x[d.rs2]);
    }

    static void srl(Hart h, Decoded d) {
        h.setX(d.rd, h.x[d.rs1] >>> h.x[d.rs2]);
    }

    static void sra(Hart h, Decoded d) {
        h.setX(d.rd, h.x[d.rs1] >> h.x[d.rs2]);
    }

    static void or(Hart h, Decoded d) {
        h.setX(d.rd, h.x[d.rs1] | h.x[d.rs2]);
    }

    static void and(Hart h, Decoded d) {
        h.setX(d.rd, h.x[d.rs1] & h.x[d.rs2]);
    }

    static void addiw(Hart h, Decoded d) {
        h.setX(d.rd, (int) (h.x[d.rs1] + d.imm));
    }

    static void slliw(Hart h, Decoded d) {
        h.setX(d.rd, (int) h.x[d.rs1] << d.imm);
    }

    static void srliw(Hart h, Decoded d) {
        h.setX(d.rd, (int) h.x[d.rs1] >>> d.imm);
    }

    static void sraiw(Hart h, Decoded d) {
        h.setX(d.rd, (int) h.x[d.rs1] >> d.imm);
    }

    static void addw(Hart h, Decoded d) {
        h.setX(d.rd, (int) (h.x[d.rs1] + h.x[d.rs2]));
    }

    static void subw(Hart h, Decoded d) {
        h.setX(d.rd, (int) (h.x[d.rs1] - h.x[d.rs2]));
    }

    static void sllw(Hart h, Decoded d) {
        h.setX(d.rd, (int) h.x[d.rs1] << (h.x[d.rs2] & 31));
    }

    static void srlw(Hart h, Decoded d) {
        h.setX(d.rd, (int) h.x[d.rs1] >>> (h.x[d.rs2] & 31));
    }

    static void sraw(Hart h, Decoded d) {
        h.setX(d.rd, (int) h.x[d.rs1] >> (h.x[d.rs2] & 31));
    }
}
