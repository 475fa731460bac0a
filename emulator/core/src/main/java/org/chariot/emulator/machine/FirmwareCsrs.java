package org.chariot.emulator.machine;

import org.chariot.emulator.cpu.Csr;
import org.chariot.emulator.cpu.HartRegisters;

/** The M-mode settings firmware (OpenSBI) leaves behind for an S-mode kernel. */
final class FirmwareCsrs {

    /** Every exception except the environment calls from S and M mode, which the SBI answers. */
    static final long DELEGATED_EXCEPTIONS = 0xb1ffL;
    /** Supervisor software, timer and external interrupts. */
    static final long DELEGATED_INTERRUPTS = 0x222L;
    /** cycle, time and instret readable below M-mode. */
    static final long COUNTERS = 0x7;
    /** One NAPOT entry covering all of memory with read, write and execute. */
    static final long PMP_NAPOT_RWX = 0x1f, PMP_ALL_ADDRESSES = (1L << 54) - 1;

    private FirmwareCsrs() {
    }

    static void delegateToSupervisor(HartRegisters hart) {
        hart.setCsr(Csr.MEDELEG, DELEGATED_EXCEPTIONS);
        hart.setCsr(Csr.MIDELEG, DELEGATED_INTERRUPTS);
        hart.setCsr(Csr.MCOUNTEREN, COUNTERS);
        hart.setCsr(Csr.SCOUNTEREN, COUNTERS);
        hart.setCsr(Csr.MENVCFG, Csr.MENVCFG_STCE);
        hart.setCsr(Csr.PMPADDR0, PMP_ALL_ADDRESSES);
        hart.setCsr(Csr.PMPCFG0, PMP_NAPOT_RWX);
        // mtvec stays 0: the hart reports a trap into M-mode as an emulator fault, since no M-mode code exists.
        hart.setCsr(Csr.MTVEC, 0);
        hart.setCsr(Csr.SATP, 0);
    }
}
