package org.chariot.emulator.cpu;

import org.chariot.emulator.mmu.MemoryFault;

/**
 * Dispatches a decoded instruction to its method. A switch over the opcode compiles to a jump
 * table, which keeps the interpreter's hot loop free of megamorphic calls.
 */
final class Executor {

    private Executor() {
    }

    static void execute(Hart h, Decoded d) throws Trap, MemoryFault {
        switch (d.op) {
            case LUI -> BaseInteger.lui(h, d);
            case AUIPC -> BaseInteger.auipc(h, d);
            case JAL -> BaseInteger.jal(h, d);
            case JALR -> BaseInteger.jalr(h, d);
            case BEQ -> BaseInteger.beq(h, d);
            case BNE -> BaseInteger.bne(h, d);
            case BLT -> BaseInteger.blt(h, d);
            case BGE -> BaseInteger.bge(h, d);
            case BLTU -> BaseInteger.bltu(h, d);
            case BGEU -> BaseInteger.bgeu(h, d);
            case LB -> BaseInteger.lb(h, d);
            case LH -> BaseInteger.lh(h, d);
            case LW -> BaseInteger.lw(h, d);
            case LD -> BaseInteger.ld(h, d);
            case LBU -> BaseInteger.lbu(h, d);
            case LHU -> BaseInteger.lhu(h, d);
            case LWU -> BaseInteger.lwu(h, d);
            case SB -> BaseInteger.sb(h, d);
            case SH -> BaseInteger.sh(h, d);
            case SW -> BaseInteger.sw(h, d);
            case SD -> BaseInteger.sd(h, d);
            case ADDI -> BaseInteger.addi(h, d);
            case SLTI -> BaseInteger.slti(h, d);
            case SLTIU -> BaseInteger.sltiu(h, d);
            case XORI -> BaseInteger.xori(h, d);
            case ORI -> BaseInteger.ori(h, d);
            case ANDI -> BaseInteger.andi(h, d);
            case SLLI -> BaseInteger.slli(h, d);
            case SRLI -> BaseInteger.srli(h, d);
            case SRAI -> BaseInteger.srai(h, d);
            case ADD -> BaseInteger.add(h, d);
            case SUB -> BaseInteger.sub(h, d);
            case SLL -> BaseInteger.sll(h, d);
            case SLT -> BaseInteger.slt(h, d);
            case SLTU -> BaseInteger.sltu(h, d);
            case XOR -> BaseInteger.xor(h, d);
            case SRL -> BaseInteger.srl(h, d);
            case SRA -> BaseInteger.sra(h, d);
            case OR -> BaseInteger.or(h, d);
            case AND -> BaseInteger.and(h, d);
            case ADDIW -> BaseInteger.addiw(h, d);
            case SLLIW -> BaseInteger.slliw(h, d);
            case SRLIW -> BaseInteger.srliw(h, d);
            case SRAIW -> BaseInteger.sraiw(h, d);
            case ADDW -> BaseInteger.addw(h, d);
            case SUBW -> BaseInteger.subw(h, d);
            case SLLW -> BaseInteger.sllw(h, d);
            case SRLW -> BaseInteger.srlw(h, d);
            case SRAW -> BaseInteger.sraw(h, d);
            case FENCE -> SystemInstructions.fence(h, d);
            case ECALL -> SystemInstructions.ecall(h, d);
            case EBREAK -> SystemInstructions.ebreak(h, d);
            case FENCE_I -> SystemInstructions.fenceI(h, d);
            case MUL -> MulDiv.mul(h, d);
            case MULH -> MulDiv.mulh(h, d);
            case MULHSU -> MulDiv.mulhsu(h, d);
            case MULHU -> MulDiv.mulhu(h, d);
            case DIV -> MulDiv.div(h, d);
            case DIVU -> MulDiv.divu(h, d);
            case REM -> MulDiv.rem(h, d);
            case REMU -> MulDiv.remu(h, d);
            case MULW -> MulDiv.mulw(h, d);
            case DIVW -> MulDiv.divw(h, d);
            case DIVUW -> MulDiv.divuw(h, d);
            case REMW -> MulDiv.remw(h, d);
            case REMUW -> MulDiv.remuw(h, d);
            case LR_W -> Atomics.lrW(h, d);
            case SC_W -> Atomics.scW(h, d);
            case AMOSWAP_W -> Atomics.amoswapW(h, d);
            case AMOADD_W -> Atomics.amoaddW(h, d);
            case AMOXOR_W -> Atomics.amoxorW(h, d);
            case AMOAND_W -> Atomics.amoandW(h, d);
            case AMOOR_W -> Atomics.amoorW(h, d);
            case AMOMIN_W -> Atomics.amominW(h, d);
            case AMOMAX_W -> Atomics.amomaxW(h, d);
            case AMOMINU_W -> Atomics.amominuW(h, d);
            case AMOMAXU_W -> Atomics.amomaxuW(h, d);
            case LR_D -> Atomics.lrD(h, d);
            case SC_D -> Atomics.scD(h, d);
            case AMOSWAP_D -> Atomics.amoswapD(h, d);
            case AMOADD_D -> Atomics.amoaddD(h, d);
            case AMOXOR_D -> Atomics.amoxorD(h, d);
            case AMOAND_D -> Atomics.amoandD(h, d);
            case AMOOR_D -> Atomics.amoorD(h, d);
            case AMOMIN_D -> Atomics.amominD(h, d);
            case AMOMAX_D -> Atomics.amomaxD(h, d);
            case AMOMINU_D -> Atomics.amominuD(h, d);
            case AMOMAXU_D -> Atomics.amomaxuD(h, d);
            case CSRRW -> SystemInstructions.csrrw(h, d);
            case CSRRS -> SystemInstructions.csrrs(h, d);
            case CSRRC -> SystemInstructions.csrrc(h, d);
            case CSRRWI -> SystemInstructions.csrrwi(h, d);
            case CSRRSI -> SystemInstructions.csrrsi(h, d);
            case CSRRCI -> SystemInstructions.csrrci(h, d);
            case MRET -> SystemInstructions.mret(h, d);
            case SRET -> SystemInstructions.sret(h, d);
            case WFI -> SystemInstructions.wfi(h, d);
            case SFENCE_VMA -> SystemInstructions.sfenceVma(h, d);
            case ILLEGAL -> SystemInstructions.illegalInstruction(h, d);
            default -> throw new IllegalStateException("no method executes " + d.op);
        }
    }
}
