package org.chariot.emulator.cpu;

import java.util.Locale;
import java.util.function.ToLongFunction;

/**
 * An operand field that the instruction table names: which bits it reads (for the overlap check of
 * constraints) and how its value is assembled from them.
 */
enum Field {
    RD(0xf80, Instruction::rd),
    RS1(0xf8000, Instruction::rs1),
    RS2(0x1f00000, Instruction::rs2),
    I_IMM(0xfff00000, Instruction::iImm),
    S_IMM(0xfe000f80, Instruction::sImm),
    B_IMM(0xfe000f80, Instruction::bImm),
    U_IMM(0xfffff000, Instruction::uImm),
    J_IMM(0xfffff000, Instruction::jImm),
    SHAMT(0x3f00000, Instruction::shamt),
    CSR(0xfff00000, Instruction::csr),
    UIMM(0xf8000, Instruction::uimm),
    C_RS2(0x7c, Instruction::cRs2),
    C_RS1S(0x380, Instruction::cRs1s),
    C_RS2S(0x1c, Instruction::cRs2s),
    C_IMM(0x107c, Instruction::cImm),
    C_SHAMT(0x107c, Instruction::cShamt),
    C_LUI_IMM(0x107c, Instruction::cLuiImm),
    C_ADDI4SPN_IMM(0x1fe0, Instruction::cAddi4spnImm),
    C_ADDI16SP_IMM(0x107c, Instruction::cAddi16spImm),
    C_LWSP_IMM(0x107c, Instruction::cLwspImm),
    C_LDSP_IMM(0x107c, Instruction::cLdspImm),
    C_SWSP_IMM(0x1f80, Instruction::cSwspImm),
    C_SDSP_IMM(0x1f80, Instruction::cSdspImm),
    C_LW_IMM(0x1c60, Instruction::cLwImm),
    C_LD_IMM(0x1c60, Instruction::cLdImm),
    C_J_IMM(0x1ffc, Instruction::cJImm),
    C_B_IMM(0x1c7c, Instruction::cBImm);

    private final int mask;
    private final ToLongFunction<Instruction> extractor;

    Field(int mask, ToLongFunction<Instruction> extractor) {
        this.mask = mask;
        this.extractor = extractor;
    }

    /** The instruction bits this field is made of. */
    int mask() {
        return mask;
    }

    long of(Instruction instruction) {
        return extractor.applyAsLong(instruction);
    }

    /** The field for a table token such as {@code c_rs1s}. */
    static Field named(String token) {
        return valueOf(token.toUpperCase(Locale.ROOT));
    }
}
