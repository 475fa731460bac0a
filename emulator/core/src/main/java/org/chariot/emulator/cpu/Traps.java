package org.chariot.emulator.cpu;

import static org.chariot.emulator.mmu.Privilege.MACHINE;
import static org.chariot.emulator.mmu.Privilege.SUPERVISOR;
import static org.chariot.emulator.mmu.Privilege.USER;
import static org.chariot.emulator.cpu.Csr.*;

/**
 * Trap entry and return: delegation of exceptions and interrupts to S-mode, the interrupt priority
 * order, the {@code xstatus} stack of interrupt-enable and previous-privilege bits, {@code mret}
 * and {@code sret}.
 */
final class Traps {

    /** Highest priority first: MEI, MSI, MTI, SEI, SSI, STI. */
    private static final int[] PRIORITY = {
        InterruptTarget.MEIP, InterruptTarget.MSIP, InterruptTarget.MTIP,
        InterruptTarget.SEIP, InterruptTarget.SSIP, InterruptTarget.STIP,
    };

    private final Hart hart;
    private final Csrs csrs;

    Traps(Hart hart, Csrs csrs) {
        this.hart = hart;
        this.csrs = csrs;
    }

    /** The privilege mode that takes an interrupt or exception of {@code cause} now: S if delegated, else M. */
    int targetOf(boolean interrupt, int cause) {
        long delegation = interrupt ? csrs.mideleg : csrs.medeleg;
        return hart.privilege() < MACHINE && ((delegation >>> cause) & 1) != 0 ? SUPERVISOR : MACHINE;
    }

    /** Takes an interrupt ({@code cause} is its {@code mip} bit) or an exception raised by the instruction at the pc. */
    void take(boolean interrupt, int cause, long value) {
        enter(targetOf(interrupt, cause), interrupt ? cause | Cause.INTERRUPT : cause, value);
    }

    /** The interrupt the hart must take now (as an {@code mip} bit number), or -1. */
    int interruptToTake() {
        long pending = csrs.mip() & csrs.mie;
        if (pending == 0) {
            return -1;
        }
        int privilege = hart.privilege();
        boolean machineEnabled = privilege < MACHINE || (csrs.mstatus & STATUS_MIE) != 0;
        boolean supervisorEnabled = privilege < SUPERVISOR || (privilege == SUPERVISOR && (csrs.mstatus & STATUS_SIE) != 0);
        long machineLevel = machineEnabled ? pending & ~csrs.mideleg : 0;
        long supervisorLevel = supervisorEnabled ? pending & csrs.mideleg : 0;
        long enabled = machineLevel != 0 ? machineLevel : supervisorLevel;
        for (int bit : PRIORITY) {
            if ((enabled & (1L << bit)) != 0) {
                return bit;
            }
        }
        return -1;
    }

    private void enter(int target, long cause, long value) {
        long pc = hart.pc();
        int from = hart.privilege();
        long status = csrs.mstatus;
        long vector;
        if (target == MACHINE) {
            csrs.mepc = pc;
            csrs.mcause = cause;
            csrs.mtval = value;
            status = with(status, STATUS_MPIE, (status & STATUS_MIE) != 0) & ~STATUS_MIE;
            status = (status & ~STATUS_MPP) | ((long) from << STATUS_MPP_SHIFT);
            vector = csrs.mtvec;
        } else {
            csrs.sepc = pc;
            csrs.scause = cause;
            csrs.stval = value;
            status = with(status, STATUS_SPIE, (status & STATUS_SIE) != 0) & ~STATUS_SIE;
            status = with(status, STATUS_SPP, from == SUPERVISOR);
            vector = csrs.stvec;
        }
        hart.setPrivilege(target);
        csrs.setStatus(status);
        boolean vectored = (vector & 1) != 0 && cause < 0;
        hart.setPc((vector & ~3L) + (vectored ? 4 * (cause & 0x3f) : 0));
    }

    void mret() {
        long status = csrs.mstatus;
        int previous = (int) ((status & STATUS_MPP) >>> STATUS_MPP_SHIFT);
        status = with(status, STATUS_MIE, (status & STATUS_MPIE) != 0) | STATUS_MPIE;
        status &= ~STATUS_MPP;
        if (previous != MACHINE) {
            status &= ~STATUS_MPRV;
        }
        hart.setPrivilege(previous);
        csrs.setStatus(status);
        hart.setPc(csrs.mepc);
    }

    void sret() {
        long status = csrs.mstatus;
        int previous = (status & STATUS_SPP) != 0 ? SUPERVISOR : USER;
        status = with(status, STATUS_SIE, (status & STATUS_SPIE) != 0) | STATUS_SPIE;
        status &= ~(STATUS_SPP | STATUS_MPRV);
        hart.setPrivilege(previous);
        csrs.setStatus(status);
        hart.setPc(csrs.sepc);
    }

    private static long with(long status, long bit, boolean set) {
        return set ? status | bit : status & ~bit;
    }
}
