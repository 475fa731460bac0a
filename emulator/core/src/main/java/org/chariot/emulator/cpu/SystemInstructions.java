package org.chariot.emulator.cpu;

import static org.chariot.emulator.mmu.Privilege.MACHINE;
import static org.chariot.emulator.mmu.Privilege.SUPERVISOR;
import static org.chariot.emulator.mmu.Privilege.USER;
import static org.chariot.emulator.cpu.Csr.STATUS_TSR;
import static org.chariot.emulator.cpu.Csr.STATUS_TVM;
import static org.chariot.emulator.cpu.Csr.STATUS_TW;

/** Zicsr, Zifencei, fences, environment calls and the privileged instructions. */
final class SystemInstructions {


    private SystemInstructions() {
    }

    private enum Update { WRITE, SET, CLEAR }

    /**
     * The six CSR instructions. {@code operand} is rs1's value or the 5-bit immediate; set and clear
     * with x0 (or immediate 0) read without writing, so they work on read-only CSRs.
     */
    private static void access(Hart h, Decoded d, long operand, boolean writes, Update update) throws Trap {
        long old = h.csrs.read(d.csr, h.privilege());
        if (writes) {
            long value = switch (update) {
                case WRITE -> operand;
                case SET -> old | operand;
                case CLEAR -> old & ~operand;
            };
            h.csrs.write(d.csr, h.privilege(), value);
        }
        h.setX(d.rd, old);
    }

    static void csrrw(Hart h, Decoded d) throws Trap {
        access(h, d, h.x[d.rs1], true, Update.WRITE);
    }

    static void csrrs(Hart h, Decoded d) throws Trap {
        access(h, d, h.x[d.rs1], d.rs1 != 0, Update.SET);
    }

    static void csrrc(Hart h, Decoded d) throws Trap {
        access(h, d, h.x[d.rs1], d.rs1 != 0, Update.CLEAR);
    }

    static void csrrwi(Hart h, Decoded d) throws Trap {
        access(h, d, d.uimm, true, Update.WRITE);
    }

    static void csrrsi(Hart h, Decoded d) throws Trap {
        access(h, d, d.uimm, d.uimm != 0, Update.SET);
    }

    static void csrrci(Hart h, Decoded d) throws Trap {
        access(h, d, d.uimm, d.uimm != 0, Update.CLEAR);
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
        if (h.privilege() == SUPERVISOR && h.traps.targetOf(false, cause) == MACHINE && h.offerEnvironmentCall()) {
            return;
        }
        throw new Trap(cause, 0);
    }

    static void ebreak(Hart h, Decoded d) throws Trap {
        throw new Trap(Cause.BREAKPOINT, h.pc);
    }

    static void mret(Hart h, Decoded d) throws Trap {
        if (h.privilege() != MACHINE) {
            throw illegal();
        }
        h.traps.mret();
    }

    static void sret(Hart h, Decoded d) throws Trap {
        if (h.privilege() == USER || (h.privilege() == SUPERVISOR && (h.csrs.mstatus & STATUS_TSR) != 0)) {
            throw illegal();
        }
        h.traps.sret();
    }

    /** WFI may wait without bound only in M and S; in U-mode (or with TW, below M) it is illegal. */
    static void wfi(Hart h, Decoded d) throws Trap {
        if (h.privilege() == USER || (h.privilege() < MACHINE && (h.csrs.mstatus & STATUS_TW) != 0)) {
            throw illegal();
        }
        h.waitForInterrupt();
    }

    static void sfenceVma(Hart h, Decoded d) throws Trap {
        if (h.privilege() == USER || (h.privilege() == SUPERVISOR && (h.csrs.mstatus & STATUS_TVM) != 0)) {
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
