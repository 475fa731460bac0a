package org.chariot.emulator.cpu;

import java.util.Locale;

/**
 * What an instruction does, after compressed forms have been mapped onto their base instruction.
 * The table names each by its mnemonic ({@code amoadd.w} is {@link #AMOADD_W}).
 */
public enum Opcode {
    // RV64I
    LUI, AUIPC, JAL, JALR, BEQ, BNE, BLT, BGE, BLTU, BGEU,
    LB, LH, LW, LD, LBU, LHU, LWU, SB, SH, SW, SD,
    ADDI, SLTI, SLTIU, XORI, ORI, ANDI, SLLI, SRLI, SRAI,
    ADD, SUB, SLL, SLT, SLTU, XOR, SRL, SRA, OR, AND,
    ADDIW, SLLIW, SRLIW, SRAIW, ADDW, SUBW, SLLW, SRLW, SRAW,
    FENCE, ECALL, EBREAK,
    // Zifencei
    FENCE_I,
    // M
    MUL, MULH, MULHSU, MULHU, DIV, DIVU, REM, REMU, MULW, DIVW, DIVUW, REMW, REMUW,
    // A
    LR_W, SC_W, AMOSWAP_W, AMOADD_W, AMOXOR_W, AMOAND_W, AMOOR_W, AMOMIN_W, AMOMAX_W, AMOMINU_W, AMOMAXU_W,
    LR_D, SC_D, AMOSWAP_D, AMOADD_D, AMOXOR_D, AMOAND_D, AMOOR_D, AMOMIN_D, AMOMAX_D, AMOMINU_D, AMOMAXU_D,
    // Zicsr
    CSRRW, CSRRS, CSRRC, CSRRWI, CSRRSI, CSRRCI,
    // privileged
    MRET, SRET, WFI, SFENCE_VMA,
    /** Bits that match no line of the table: executing them raises an illegal-instruction trap. */
    ILLEGAL;

    /** Whether the instruction writes memory: a store, a store-conditional or an AMO. */
    public boolean writesMemory() {
        return switch (this) {
            case SB, SH, SW, SD, SC_W, SC_D, AMOSWAP_W, AMOADD_W, AMOXOR_W, AMOAND_W, AMOOR_W, AMOMIN_W, AMOMAX_W,
                    AMOMINU_W, AMOMAXU_W, AMOSWAP_D, AMOADD_D, AMOXOR_D, AMOAND_D, AMOOR_D, AMOMIN_D, AMOMAX_D, AMOMINU_D,
                    AMOMAXU_D -> true;
            default -> false;
        };
    }

    /** Whether the instruction writes its {@code rd}: all but stores, branches and the system instructions. */
    public boolean writesRegister() {
        return switch (this) {
            case SB, SH, SW, SD, BEQ, BNE, BLT, BGE, BLTU, BGEU, FENCE, ECALL, EBREAK, FENCE_I, MRET, SRET, WFI,
                    SFENCE_VMA, ILLEGAL -> false;
            default -> true;
        };
    }

    /** The mnemonic as the table and binutils spell it: {@code amoadd.w} for {@link #AMOADD_W}. */
    public String mnemonic() {
        return name().replace('_', '.').toLowerCase(Locale.ROOT);
    }

    /** The opcode for a mnemonic of the table. */
    static Opcode forMnemonic(String mnemonic) {
        return valueOf(mnemonic.replace('.', '_').toUpperCase(Locale.ROOT));
    }
}
