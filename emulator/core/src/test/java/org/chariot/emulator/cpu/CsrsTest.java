package org.chariot.emulator.cpu;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** The access rules and WARL behaviour of the CSRs, as the privileged specification states them. */
class CsrsTest {

    private static final int U = 0, S = 1, M = 3;

    private final TestMachine machine = new TestMachine();
    private final Hart hart = machine.hart;
    private final Csrs csrs = hart.csrs;

    @Test
    void lowerPrivilegeCannotReachHigherCsrsAndNobodyWritesReadOnlyOnes() {
        assertThrows(Trap.class, () -> csrs.read(Csr.MSTATUS, S));
        assertThrows(Trap.class, () -> csrs.read(Csr.SSTATUS, U));
        assertThrows(Trap.class, () -> csrs.write(Csr.MHARTID, M, 1));
        assertThrows(Trap.class, () -> csrs.read(0x7ff, M), "unknown CSR");
        assertThrows(IllegalArgumentException.class, () -> hart.csr(0x7ff));
    }

    @Test
    void countersBelowMachineModeNeedTheirEnableBits() throws Trap {
        hart.setCsr(Csr.MCOUNTEREN, 0b010);
        hart.setCsr(Csr.SCOUNTEREN, 0);
        machine.clock.advance(1234);
        assertEquals(1234, csrs.read(Csr.TIME, S));
        assertThrows(Trap.class, () -> csrs.read(Csr.CYCLE, S));
        assertThrows(Trap.class, () -> csrs.read(Csr.TIME, U), "scounteren also gates U-mode");
    }

    @Test
    void trapVirtualizationBitsGuardSatpAndStimecmp() {
        hart.setCsr(Csr.MSTATUS, Csr.STATUS_TVM);
        assertThrows(Trap.class, () -> csrs.read(Csr.SATP, S));
        hart.setCsr(Csr.MSTATUS, 0);
        assertDoesNotThrow(() -> csrs.read(Csr.SATP, S));
        hart.setCsr(Csr.MENVCFG, 0);
        assertThrows(Trap.class, () -> csrs.write(Csr.STIMECMP, S, 5), "Sstc needs menvcfg.STCE");
        assertDoesNotThrow(() -> csrs.write(Csr.STIMECMP, M, 5));
    }

    @Test
    void warlFieldsKeepOnlyLegalValues() {
        hart.setCsr(Csr.SATP, (9L << 60) | 0x1234);
        assertEquals(0, hart.csr(Csr.SATP), "Sv48 is not supported: the write is ignored");
        hart.setCsr(Csr.SATP, (8L << 60) | (0xffffL << 44) | 0x1234);
        assertEquals((8L << 60) | 0x1234, hart.csr(Csr.SATP), "no ASID bits");
        hart.setCsr(Csr.MSTATUS, 2L << Csr.STATUS_MPP_SHIFT);
        assertEquals(0, hart.csr(Csr.MSTATUS) & Csr.STATUS_MPP, "MPP=2 is reserved");
        assertEquals(Csr.STATUS_XLEN, hart.csr(Csr.MSTATUS) & Csr.STATUS_XLEN, "64-bit U and S");
        hart.setCsr(Csr.MEPC, 0x8000_0003L);
        assertEquals(0x8000_0002L, hart.csr(Csr.MEPC));
        hart.setCsr(Csr.MIDELEG, -1);
        assertEquals(0x222, hart.csr(Csr.MIDELEG), "only supervisor interrupts can be delegated");
        hart.setCsr(Csr.PMPADDR0 + 3, 0x1234);
        assertEquals(0x1234, hart.csr(Csr.PMPADDR0 + 3), "PMP registers are kept, not enforced");
        assertThrows(IllegalArgumentException.class, () -> hart.csr(Csr.PMPCFG0 + 1), "odd pmpcfg do not exist in RV64");
    }

    @Test
    void supervisorViewsShowOnlyWhatIsDelegatedOrSupervisorOwned() throws Trap {
        hart.setCsr(Csr.MSTATUS, Csr.STATUS_MIE | Csr.STATUS_SIE | Csr.STATUS_SUM | Csr.STATUS_TSR);
        assertEquals(Csr.STATUS_SIE | Csr.STATUS_SUM, csrs.read(Csr.SSTATUS, S) & ~(3L << 32));
        csrs.write(Csr.SSTATUS, S, 0);
        assertEquals(Csr.STATUS_MIE | Csr.STATUS_TSR, hart.csr(Csr.MSTATUS) & ~Csr.STATUS_XLEN, "M-only bits survive");
        hart.setCsr(Csr.MIDELEG, 1 << InterruptTarget.SSIP);
        hart.setCsr(Csr.MIE, (1 << InterruptTarget.SSIP) | (1 << InterruptTarget.MTIP));
        assertEquals(1 << InterruptTarget.SSIP, csrs.read(Csr.SIE, S));
        hart.interrupts().setPending(InterruptTarget.MTIP, true);
        csrs.write(Csr.SIP, S, 1 << InterruptTarget.SSIP);
        assertEquals(1 << InterruptTarget.SSIP, csrs.read(Csr.SIP, S));
        assertEquals((1 << InterruptTarget.SSIP) | (1 << InterruptTarget.MTIP), hart.csr(Csr.MIP));
    }
}
