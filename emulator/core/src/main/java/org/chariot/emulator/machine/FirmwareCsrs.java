package org.chariot.emulator.machine;

import org.chariot.emulator.cpu.HartRegisters;

/** The M-mode settings firmware (OpenSBI) leaves behind for an S-mode kernel. */
final class FirmwareCsrs {

    static final int SCOUNTEREN = 0x106, SATP = 0x180;
    static final int MSTATUS = 0x300, MEDELEG = 0x302, MIDELEG = 0x303, MTVEC = 0x305, MCOUNTEREN = 0x306;
    static final int MENVCFG = 0x30a, MEPC = 0x341, MCAUSE = 0x342, MTVAL = 0x343, PMPCFG0 = 0x3a0, PMPADDR0 = 0x3b0;
    static final long MPP_SUPERVISOR = 1L << 11;
    /** Every exception except the environment calls from S and M mode, which the SBI answers. */
    static final long DELEGATED_EXCEPTIONS = 0xb1ffL;
    /** Supervisor software, timer and external interrupts. */
    static final long DELEGATED_INTERRUPTS = 0x222L;
    /** cycle, time and instret readable below M-mode. */
    static final long COUNTERS = 0x7;
    static final long MENVCFG_STCE = 1L << 63;
    /** One NAPOT entry covering all of memory with read, write and execute. */
    static final long PMP_ALL_RWX = 0x1f, PMP_ALL_ADDRESSES = (1L << 54) - 1;

    private FirmwareCsrs() {
    }

    static void delegateToSupervisor(HartRegisters hart) {
        hart.setCsr(MEDELEG, DELEGATED_EXCEPTIONS);
        hart.setCsr(MIDELEG, DELEGATED_INTERRUPTS);
        hart.setCsr(MCOUNTEREN, COUNTERS);
        hart.setCsr(SCOUNTEREN, COUNTERS);
        hart.setCsr(MENVCFG, MENVCFG_STCE);
        hart.setCsr(PMPADDR0, PMP_ALL_ADDRESSES);
        hart.setCsr(PMPCFG0, PMP_ALL_RWX);
    }
}
