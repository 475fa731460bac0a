package org.chariot.emulator.cpu;

/** CSR numbers of the privileged specification, and the {@code mstatus} bits the hart implements. */
public final class Csr {

    public static final int SSTATUS = 0x100, SIE = 0x104, STVEC = 0x105, SCOUNTEREN = 0x106, SENVCFG = 0x10a;
    public static final int SSCRATCH = 0x140, SEPC = 0x141, SCAUSE = 0x142, STVAL = 0x143, SIP = 0x144;
    public static final int STIMECMP = 0x14d, SATP = 0x180;
    public static final int MSTATUS = 0x300, MISA = 0x301, MEDELEG = 0x302, MIDELEG = 0x303, MIE = 0x304;
    public static final int MTVEC = 0x305, MCOUNTEREN = 0x306, MENVCFG = 0x30a, MCOUNTINHIBIT = 0x320;
    public static final int MSCRATCH = 0x340, MEPC = 0x341, MCAUSE = 0x342, MTVAL = 0x343, MIP = 0x344;
    public static final int PMPCFG0 = 0x3a0, PMPADDR0 = 0x3b0;
    public static final int MCYCLE = 0xb00, MINSTRET = 0xb02;
    public static final int CYCLE = 0xc00, TIME = 0xc01, INSTRET = 0xc02;
    public static final int MVENDORID = 0xf11, MARCHID = 0xf12, MIMPID = 0xf13, MHARTID = 0xf14, MCONFIGPTR = 0xf15;

    public static final long STATUS_SIE = 1L << 1, STATUS_MIE = 1L << 3, STATUS_SPIE = 1L << 5;
    public static final long STATUS_MPIE = 1L << 7, STATUS_SPP = 1L << 8;
    public static final int STATUS_MPP_SHIFT = 11;
    public static final long STATUS_MPP = 3L << STATUS_MPP_SHIFT;
    public static final long STATUS_MPRV = 1L << 17, STATUS_SUM = 1L << 18, STATUS_MXR = 1L << 19;
    public static final long STATUS_TVM = 1L << 20, STATUS_TW = 1L << 21, STATUS_TSR = 1L << 22;
    /** UXL = SXL = 2: U and S are 64-bit. */
    public static final long STATUS_XLEN = (2L << 32) | (2L << 34);

    /** {@code menvcfg.STCE}: the Sstc {@code stimecmp} drives STIP and S-mode may access it. */
    public static final long MENVCFG_STCE = 1L << 63;

    private Csr() {
    }
}
