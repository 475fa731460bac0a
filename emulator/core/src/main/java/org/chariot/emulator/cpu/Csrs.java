package org.chariot.emulator.cpu;

import static org.chariot.emulator.cpu.Csr.*;

import org.chariot.emulator.mmu.Privilege;

/**
 * The control and status registers: storage, the access rules of the privileged specification
 * (privilege level encoded in the number, read-only numbers, TVM, counter enables, Sstc), and the
 * S-mode views of {@code mstatus}, {@code mie} and {@code mip}. Writes that change translation or
 * interrupt state tell the hart.
 */
final class Csrs {

    private static final long MISA_VALUE = (2L << 62) | letters("ACIMSU");
    private static final long SSTATUS_WRITABLE = STATUS_SIE | STATUS_SPIE | STATUS_SPP | STATUS_SUM | STATUS_MXR;
    private static final long SSTATUS_READABLE = SSTATUS_WRITABLE | (3L << 32);
    private static final long MSTATUS_WRITABLE = SSTATUS_WRITABLE | STATUS_MIE | STATUS_MPIE | STATUS_MPP
            | STATUS_MPRV | STATUS_TVM | STATUS_TW | STATUS_TSR;
    /** Every exception but ecall from M-mode (and the reserved codes) can be delegated. */
    private static final long DELEGABLE_EXCEPTIONS = 0xb3ff;
    private static final long SUPERVISOR_INTERRUPTS = (1L << InterruptTarget.SSIP) | (1L << InterruptTarget.STIP)
            | (1L << InterruptTarget.SEIP);
    private static final long ALL_INTERRUPTS = SUPERVISOR_INTERRUPTS | (1L << InterruptTarget.MSIP)
            | (1L << InterruptTarget.MTIP) | (1L << InterruptTarget.MEIP);
    private static final long STIP = 1L << InterruptTarget.STIP;
    private static final long SSIP = 1L << InterruptTarget.SSIP;
    private static final long ENVCFG_FIOM = 1;
    private static final long SATP_PPN = (1L << 44) - 1;
    private static final int PMP_CONFIGS = 16;
    private static final int PMP_ADDRESSES = 64;

    private final Hart hart;
    private final PendingInterrupts pending;
    private final TimeSource time;
    private final int hartId;

    long mstatus;
    long medeleg;
    long mideleg;
    long mie;
    long mtvec;
    long mcounteren = 7;
    long menvcfg = MENVCFG_STCE;
    long mscratch;
    long mepc;
    long mcause;
    long mtval;
    long stvec;
    long scounteren;
    long senvcfg;
    long sscratch;
    long sepc;
    long scause;
    long stval;
    long satp;
    long stimecmp = -1;
    final long[] pmpcfg = new long[PMP_CONFIGS / 2];
    final long[] pmpaddr = new long[PMP_ADDRESSES];

    Csrs(Hart hart, PendingInterrupts pending, TimeSource time, int hartId) {
        this.hart = hart;
        this.pending = pending;
        this.time = time;
        this.hartId = hartId;
    }

    private static long letters(String extensions) {
        long bits = 0;
        for (char c : extensions.toCharArray()) {
            bits |= 1L << (c - 'A');
        }
        return bits;
    }

    /** {@code mip} as the hart sees it: stored bits plus the Sstc timer comparison. */
    long mip() {
        long bits = pending.bits();
        if ((menvcfg & MENVCFG_STCE) != 0 && Long.compareUnsigned(time.now(), stimecmp) >= 0) {
            bits |= STIP;
        }
        return bits;
    }

    /** True if an armed Sstc timer can raise STIP. */
    boolean timerArmed() {
        return (menvcfg & MENVCFG_STCE) != 0 && stimecmp != -1;
    }

    long read(int number, int privilege) throws Trap {
        checkAccess(number, privilege);
        return switch (number) {
            case SSTATUS -> (mstatus | STATUS_XLEN) & SSTATUS_READABLE;
            case SIE -> mie & mideleg;
            case STVEC -> stvec;
            case SCOUNTEREN -> scounteren;
            case SENVCFG -> senvcfg;
            case SSCRATCH -> sscratch;
            case SEPC -> sepc;
            case SCAUSE -> scause;
            case STVAL -> stval;
            case SIP -> mip() & mideleg;
            case STIMECMP -> stimecmp;
            case SATP -> satp;
            case MSTATUS -> mstatus | STATUS_XLEN;
            case MISA -> MISA_VALUE;
            case MEDELEG -> medeleg;
            case MIDELEG -> mideleg;
            case MIE -> mie;
            case MTVEC -> mtvec;
            case MCOUNTEREN -> mcounteren;
            case MENVCFG -> menvcfg;
            case MSCRATCH -> mscratch;
            case MEPC -> mepc;
            case MCAUSE -> mcause;
            case MTVAL -> mtval;
            case MIP -> mip();
            case MCYCLE, MINSTRET, CYCLE, INSTRET -> hart.instructionsRetired();
            case TIME -> time.now();
            case MHARTID -> hartId;
            case MVENDORID, MARCHID, MIMPID, MCONFIGPTR, MCOUNTINHIBIT -> 0;
            default -> readRange(number);
        };
    }

    void write(int number, int privilege, long value) throws Trap {
        checkAccess(number, privilege);
        if (((number >>> 10) & 3) == 3) {
            throw Trap.illegalInstruction();
        }
        switch (number) {
            case SSTATUS -> setStatus((mstatus & ~SSTATUS_WRITABLE) | (value & SSTATUS_WRITABLE));
            case SIE -> setInterruptEnables((mie & ~mideleg) | (value & mideleg));
            case STVEC -> stvec = legalVector(value);
            case SCOUNTEREN -> scounteren = value & 0xffff_ffffL;
            case SENVCFG -> senvcfg = value & ENVCFG_FIOM;
            case SSCRATCH -> sscratch = value;
            case SEPC -> sepc = value & ~1L;
            case SCAUSE -> scause = value;
            case STVAL -> stval = value;
            case SIP -> writePending(mideleg & SSIP, value);
            case STIMECMP -> {
                stimecmp = value;
                hart.interruptStateChanged();
            }
            case SATP -> writeSatp(value);
            case MSTATUS -> setStatus((mstatus & ~MSTATUS_WRITABLE) | (value & MSTATUS_WRITABLE));
            case MEDELEG -> medeleg = value & DELEGABLE_EXCEPTIONS;
            case MIDELEG -> {
                mideleg = value & SUPERVISOR_INTERRUPTS;
                hart.interruptStateChanged();
            }
            case MIE -> setInterruptEnables(value);
            case MTVEC -> mtvec = legalVector(value);
            case MCOUNTEREN -> mcounteren = value & 0xffff_ffffL;
            case MENVCFG -> {
                menvcfg = value & (MENVCFG_STCE | ENVCFG_FIOM);
                hart.interruptStateChanged();
            }
            case MSCRATCH -> mscratch = value;
            case MEPC -> mepc = value & ~1L;
            case MCAUSE -> mcause = value;
            case MTVAL -> mtval = value;
            case MIP -> writePending((menvcfg & MENVCFG_STCE) != 0 ? SUPERVISOR_INTERRUPTS & ~STIP : SUPERVISOR_INTERRUPTS,
                    value);
            case MCYCLE, MINSTRET -> hart.setInstructionsRetired(value);
            case MISA, MCOUNTINHIBIT -> {
                // WARL: the hart has one fixed configuration and free-running counters.
            }
            default -> writeRange(number, value);
        }
    }

    /** Sets {@code mstatus} from trap entry and return, as well as from CSR writes. */
    void setStatus(long value) {
        long status = value & MSTATUS_WRITABLE;
        if (!Privilege.exists((int) ((status & STATUS_MPP) >>> STATUS_MPP_SHIFT))) {
            status &= ~STATUS_MPP;
        }
        mstatus = status;
        hart.translationContextChanged();
        hart.interruptStateChanged();
    }

    private void setInterruptEnables(long value) {
        mie = value & ALL_INTERRUPTS;
        hart.interruptStateChanged();
    }

    private void writePending(long mask, long value) {
        pending.write(mask, value);
        hart.interruptStateChanged();
    }

    private void writeSatp(long value) {
        long mode = value >>> 60;
        if (mode == 0 || mode == 8) {
            satp = value & ((0xfL << 60) | SATP_PPN);
            hart.translationContextChanged();
        }
    }

    /** Vectored (mode 1) and direct (mode 0) are supported; the reserved modes read as direct. */
    private static long legalVector(long value) {
        return value & ~2L;
    }

    private void checkAccess(int number, int privilege) throws Trap {
        if (privilege < ((number >>> 8) & 3)) {
            throw Trap.illegalInstruction();
        }
        boolean supervisorOrUser = privilege < Privilege.MACHINE;
        if (number >= CYCLE && number < CYCLE + 32) {
            long bit = 1L << (number - CYCLE);
            if ((supervisorOrUser && (mcounteren & bit) == 0) || (privilege == Privilege.USER && (scounteren & bit) == 0)) {
                throw Trap.illegalInstruction();
            }
        }
        boolean sstcDenied = (menvcfg & MENVCFG_STCE) == 0 || (mcounteren & 2) == 0;
        if (supervisorOrUser && ((number == SATP && (mstatus & STATUS_TVM) != 0) || (number == STIMECMP && sstcDenied))) {
            throw Trap.illegalInstruction();
        }
    }

    /** PMP (accepted, not enforced) and the performance counters beyond the three standard ones (zero). */
    private long readRange(int number) throws Trap {
        if (isPmpConfig(number)) {
            return pmpcfg[(number - PMPCFG0) / 2];
        }
        if (number >= PMPADDR0 && number < PMPADDR0 + PMP_ADDRESSES) {
            return pmpaddr[number - PMPADDR0];
        }
        if (isHpm(number)) {
            return 0;
        }
        throw Trap.illegalInstruction();
    }

    private void writeRange(int number, long value) throws Trap {
        if (isPmpConfig(number)) {
            pmpcfg[(number - PMPCFG0) / 2] = value;
        } else if (number >= PMPADDR0 && number < PMPADDR0 + PMP_ADDRESSES) {
            pmpaddr[number - PMPADDR0] = value & ((1L << 54) - 1);
        } else if (!isHpm(number)) {
            throw Trap.illegalInstruction();
        }
    }

    /** In RV64 only the even {@code pmpcfg} registers exist. */
    private static boolean isPmpConfig(int number) {
        return number >= PMPCFG0 && number < PMPCFG0 + PMP_CONFIGS && (number & 1) == 0;
    }

    private static boolean isHpm(int number) {
        return (number >= 0xb03 && number <= 0xb1f) || (number >= 0xc03 && number <= 0xc1f)
                || (number >= 0x323 && number <= 0x33f);
    }
}
