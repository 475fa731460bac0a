package org.chariot.emulator.cpu;

import static org.chariot.emulator.cpu.Csr.STATUS_TSR;
import static org.chariot.emulator.cpu.Csr.STATUS_TVM;
import static org.chariot.emulator.cpu.Csr.STATUS_TW;

/** Zicsr, Zifencei, fences, environment calls and the privileged instructions. */
final class SystemInstructions {

    private static final int M = 3, S = 1, U = 0;

    private SystemInstructions() {
    }

    private enum Update { WRITE, SET, CLEAR }

    /**
     * The six CSR instructions. {@code operand} is rs1's value or the 5-bit immediate; set and clear
     * with x0 (or immediate 0) read without writing, so they work on read-only CSRs.
     */
    private static void access(Hart h, Decoded d, long operand, Update update) throws Trap {
        int number = (int) d.imm;
        long old = h.csrs.read(number, h.privilege());
        boolean writes = update == Update.WRITE || d.rs1 != 0;
        if (writes) {
            long value = switch (update) {
                case WRITE -> operand;
                case SET -> old | operand;
                case CLEAR -> old & ~operand;
            };
            h.csrs.write(number, h.privilege(), value);
        }
        h.setX(d.rd, old);
    }

    static void csrrw(Hart h, Decoded d) throws Trap {
        access(h, d, h.x[d.rs1], Update.WRITE);
    }

    static void csrrs(Hart h, Decoded d) throws Trap {
        access(h, d, h.x[d.rs1], Update.SET);
    }

    static void csrrc(Hart h, Decoded d) throws Trap {
        access(h, d, h.x[d.rs1], Update.CLEAR);
    }

    static void csrrwi(Hart h, Decoded d) throws Trap {
        access(h, d, d.rs1, Update.WRITE);
    }

    static void csrrsi(Hart h, Decoded d) throws Trap {
        access(h, d, d.rs1, Update.SET);
    }

    static void csrrci(Hart h, Decoded d) throws Trap {
        access(h, d, d.rs1, Update.CLEAR);
    }

    /** Memory is sequentially consistent on one hart, and devices see stores in order. */
    static void fence(Hart h, Decoded d) {
    }

    /** The decode cache is addressed by instruction bits, so new code is always seen; translated code is dropped. */
    static void fenceI(Hart h, Decoded d) {
        h.instructionsChanged();
    }

    static void ecall(Hart h, Decoded d) throws Trap {
        int cause = Cause.ECALL_FROM_U + h.privilege();
        if (h.privilege() == S && h.traps.targetOf(false, cause) == M && h.offerEnvironmentCall()) {
            return;
        }
        throw new Trap(cause, 0);
    }

    static void ebreak(Hart h, Decoded d) throws Trap {
        throw new Trap(Cause.BREAKPOINT, h.pc);
    }

    static void mret(Hart h, Decoded d) throws Trap {
        if (h.privilege() != M) {
            throw illegal();
        }
        h.traps.mret();
    }

    static void sret(Hart h, Decoded d) throws Trap {
        if (h.privilege() == U || (h.privilege() == S && (h.csrs.mstatus & STATUS_TSR) != 0)) {
            throw illegal();
        }
        h.traps.sret();
    }

    /** WFI may wait without bound only in M and S; in U-mode (or with TW, below M) it is illegal. */
    static void wfi(Hart h, Decoded d) throws Trap {
        if (h.privilege() == U || (h.privilege() < M && (h.csrs.mstatus & STATUS_TW) != 0)) {
            throw illegal();
        }
        h.waitForInterrupt();
    }

    static void sfenceVma(Hart h, Decoded d) throws Trap {
        if (h.privilege() == U || (h.privilege() == S && (h.csrs.mstatus & STATUS_TVM) != 0)) {
            throw illegal();
        }
        if (d.rs1 == 0) {
            h.mmu.flush();
        } else {
            h.mmu.flushPage(h.x[d.rs1]);
        }
    }

    static void illegalInstruction(Hart h, Decoded d) throws Trap {
        throw illegal();
    }

    private static Trap illegal() {
        return Trap.illegalInstruction();
    }
}
