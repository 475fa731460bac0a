/*
 * Zicsr: the six CSR instructions and their read/write rules, read-only
 * and missing CSRs, privilege checks, identification CSRs, WARL fields the
 * specification pins down, and the cycle/time/instret counters.
 */
#include "test.h"

/* Case n: `insn` raises an illegal-instruction exception whose mtval is
   0 or the instruction itself. */
.macro ILLEGAL n, insn:vararg
        EXPECT_TRAP \n, CAUSE_ILLEGAL, \insn
        call check_illegal_tval
.endm

        .text
        .globl test_main
test_main:
        /* the read-write forms return the old value */
        CASE 1
        li a1, 0x1111
        csrw mscratch, a1
        li a2, 0x2222
        csrrw a0, mscratch, a2
        EXPECT a0, 0x1111
        csrr a0, mscratch
        EXPECT a0, 0x2222
        CASE 2
        li a1, 0xf0
        csrw mscratch, a1
        li a2, 0x0f
        csrrs a0, mscratch, a2
        EXPECT a0, 0xf0
        csrr a0, mscratch
        EXPECT a0, 0xff
        CASE 3
        li a2, 0xf0
        csrrc a0, mscratch, a2
        EXPECT a0, 0xff
        csrr a0, mscratch
        EXPECT a0, 0x0f
        CASE 4
        csrrwi a0, mscratch, 31
        EXPECT a0, 0x0f
        csrr a0, mscratch
        EXPECT a0, 31
        CASE 5
        csrrci a0, mscratch, 1
        EXPECT a0, 31
        csrrsi a0, mscratch, 16
        EXPECT a0, 30
        csrr a0, mscratch
        EXPECT a0, 30
        CASE 6
        li a1, -1
        csrw mscratch, a1
        csrr a0, mscratch
        EXPECT a0, -1
        CASE 7
        csrrw a1, mscratch, a1
        EXPECT a1, -1
        /* rd = rs1 swaps (as trap entry code does with sscratch) */
        CASE 8
        li a1, 5
        csrw sscratch, a1
        li a0, 9
        csrrw a0, sscratch, a0
        EXPECT a0, 5
        csrr a1, sscratch
        EXPECT a1, 9
        CASE 9
        li a0, 0x30
        csrrs a0, sscratch, a0
        EXPECT a0, 9
        csrr a1, sscratch
        EXPECT a1, 0x39

        /* read-only CSRs: reading (rs1 = x0 or uimm = 0) is fine, writing traps */
        CASE 10
        csrr a0, mhartid
        EXPECT a0, 0
        EXPECT_NO_TRAP 11, csrrsi a0, mhartid, 0
        EXPECT_NO_TRAP 12, csrrc a0, mvendorid, x0
        li a1, 1
        ILLEGAL 13, csrw mhartid, a1
        ILLEGAL 14, csrrs a0, mhartid, a1
        ILLEGAL 15, csrrsi a0, marchid, 1
        ILLEGAL 16, csrrwi x0, mimpid, 0
        ILLEGAL 17, csrw cycle, a1
        ILLEGAL 18, csrrci a0, time, 1

        /* a CSR that does not exist */
        ILLEGAL 19, csrr a0, 0x5c0

        /* CSRs that must exist even if they only read 0: the performance
           counters and their selectors, mcountinhibit, mconfigptr, menvcfg */
        EXPECT_NO_TRAP 20, csrr a0, mhpmcounter3
        EXPECT_NO_TRAP 21, csrr a0, mhpmevent3
        EXPECT_NO_TRAP 22, csrw mhpmevent3, zero
        EXPECT_NO_TRAP 23, csrr a0, mcountinhibit
        EXPECT_NO_TRAP 24, csrr a0, CSR_MCONFIGPTR
        EXPECT_NO_TRAP 25, csrr a0, CSR_MENVCFG
#ifndef QEMU_7_2
        /* QEMU 7.2 has only some of the 29 counters */
        EXPECT_NO_TRAP 26, csrr a0, mhpmcounter31
#endif

        /* misa: RV64 with I, M, A, C, S and U (or 0: not implemented) */
        CASE 27
        csrr a0, misa
        beqz a0, 1f
        srli a1, a0, 62
        EXPECT a1, 2
        li a2, (1 << 0) | (1 << 2) | (1 << 8) | (1 << 12) | (1 << 18) | (1 << 20)
        and a1, a0, a2
        EXPECT_REG_EQ a1, a2
1:

        /* mtvec and mepc hold what is written, but mepc[0] always reads 0;
           an unsupported satp mode leaves satp alone */
        CASE 28
        lla a1, m_trap
        csrr a2, mtvec
        EXPECT_REG_EQ a1, a2
        li a1, 0x80001234
        csrw mepc, a1
        csrr a0, mepc
        EXPECT a0, 0x80001234
#ifndef QEMU_7_2
        /* QEMU 7.2 keeps bit 0 of mepc and sepc */
        CASE 29
        li a1, 0x80001235
        csrw mepc, a1
        csrr a0, mepc
        EXPECT a0, 0x80001234
        csrw sepc, a1
        csrr a0, sepc
        EXPECT a0, 0x80001234
#endif
        CASE 30
        csrw satp, zero
        li a1, (15 << 60) | 0x123
        csrw satp, a1
        csrr a0, satp
        EXPECT a0, 0

        /* MPP never holds the reserved privilege 2 */
#ifndef QEMU_7_2
        /* QEMU 7.2 keeps the reserved value 2 in MPP */
        CASE 31
        li a1, MSTATUS_MPP
        csrc mstatus, a1
        li a1, 2 << MSTATUS_MPP_SHIFT
        csrs mstatus, a1
        csrr a0, mstatus
        li a1, MSTATUS_MPP
        and a0, a0, a1
        li a2, 2 << MSTATUS_MPP_SHIFT
        beq a0, a2, fail
        li a1, MSTATUS_MPP
        csrc mstatus, a1
#endif

        /* sstatus is a view of mstatus that hides the M fields */
        CASE 32
        li a1, MSTATUS_SIE
        csrs sstatus, a1
        csrr a0, mstatus
        and a0, a0, a1
        EXPECT_REG_EQ a0, a1
        csrc mstatus, a1
        csrr a0, sstatus
        and a0, a0, a1
        EXPECT a0, 0
        CASE 33
        li a1, MSTATUS_MPIE | MSTATUS_MPP
        csrs mstatus, a1
        csrr a0, sstatus
        and a0, a0, a1
        EXPECT a0, 0
        csrc mstatus, a1
        /* U and S are 64-bit: UXL and SXL read 2 */
        CASE 34
        csrr a0, mstatus
        srli a0, a0, 32
        andi a0, a0, 0xf
        EXPECT a0, 0xa

        /* sie shows the delegated bits of mie */
        CASE 35
        li a1, 1 << IRQ_S_TIMER
        csrw mideleg, a1
        csrw sie, a1
        csrr a0, mie
        EXPECT_REG_EQ a0, a1
        csrw mie, zero
        csrw mideleg, zero
        /* and reads 0 for interrupts that are not delegated */
        CASE 36
        li a1, (1 << IRQ_S_TIMER) | (1 << IRQ_S_SOFT)
        csrw mie, a1
        csrr a0, sie
        EXPECT a0, 0
        csrw mie, zero
        /* the CLINT drives MTIP and MSIP: read-only in mip */
        CASE 37
        li a1, -1
        li a2, CLINT_MTIMECMP
        sd a1, 0(a2)
        li a1, (1 << IRQ_M_TIMER) | (1 << IRQ_M_SOFT)
        csrs mip, a1
        csrr a0, mip
        and a0, a0, a1
        EXPECT a0, 0

        /* counters advance */
        CASE 38
        rdcycle a0
        call spin
        rdcycle a1
        bleu a1, a0, fail
        CASE 39
        rdinstret a0
        call spin
        rdinstret a1
        sub a1, a1, a0
        li a2, 1000
        bltu a1, a2, fail
        CASE 40
        li a2, CLINT_MTIME
        ld a0, 0(a2)
        call spin
        ld a1, 0(a2)
        bleu a1, a0, fail
        /* The time CSR is a shadow of mtime, but M-mode may also emulate it:
           a read either works or raises an illegal instruction (QEMU's
           spike machine does the latter). s2 = 1 when it works. */
        CASE 41
        li s2, 0
        ARM_TRAP 1f
        rdtime a0
        DISARM_TRAP
        li s2, 1
        ld a3, 0(a2)
        rdtime a1
        bltu a3, a0, fail
        bltu a1, a3, fail
        call spin
        rdtime a3
        bleu a3, a1, fail
        j 2f
1:      EXPECT t4, CAUSE_ILLEGAL
2:
        CASE 42
        li a1, 0x100000000000
        csrw mcycle, a1
        csrr a0, mcycle
        bltu a0, a1, fail

        /* privilege: S cannot touch M CSRs, U cannot touch S CSRs */
        csrw mcounteren, zero
        ENTER_MODE PRV_S
        ILLEGAL 43, csrr a0, mscratch
        ILLEGAL 44, csrr a0, mstatus
        EXPECT_NO_TRAP 45, csrw sscratch, a1
        /* counters are hidden from S unless mcounteren allows them */
        ILLEGAL 46, rdcycle a0
        ILLEGAL 47, rdtime a0
        ILLEGAL 48, rdinstret a0
        RETURN_TO_M
        li a1, 7
        csrw mcounteren, a1
        csrw scounteren, zero
        ENTER_MODE PRV_S
        EXPECT_NO_TRAP 49, rdcycle a0
        beqz s2, 3f
        EXPECT_NO_TRAP 50, rdtime a0
3:
        EXPECT_NO_TRAP 51, rdinstret a0
        EXPECT_NO_TRAP 52, csrr a0, CSR_SENVCFG
        RETURN_TO_M
        ENTER_MODE PRV_U
        ILLEGAL 53, csrr a0, sscratch
        ILLEGAL 54, csrr a0, mhartid
        /* U needs scounteren as well */
        ILLEGAL 55, rdcycle a0
        RETURN_TO_M
        li a1, 7
        csrw scounteren, a1
        ENTER_MODE PRV_U
        beqz s2, 4f
        EXPECT_NO_TRAP 56, rdtime a0
4:
        EXPECT_NO_TRAP 57, rdcycle a0
        RETURN_TO_M

        /* sstatus shows UXL as mstatus does: U-mode is 64-bit (2) */
        CASE 58
        csrr a0, sstatus
        srli a0, a0, 32
        andi a0, a0, 3
        EXPECT a0, 2

        j pass

/* mtval of an illegal instruction: 0 or the instruction's bits (at epc) */
check_illegal_tval:
        beqz t5, 1f
        lwu a0, 0(t6)
        EXPECT_REG_EQ t5, a0
1:      ret

/* enough work for any counter to move */
spin:
        li a7, 2000
1:      addi a7, a7, -1
        bnez a7, 1b
        ret
