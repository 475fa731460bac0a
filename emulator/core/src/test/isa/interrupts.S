/*
 * Interrupts: the machine timer through the CLINT's mtimecmp, software
 * interrupts through msip and mip.SSIP, enabling and masking (mie,
 * mstatus.MIE/SIE, and the always-enabled higher privilege), priority
 * between pending interrupts, vectored mtvec, delegation to S through
 * mideleg, the Sstc stimecmp timer, and WFI waking up when an interrupt
 * becomes pending.
 */
#include "test.h"

#define INTERRUPT(irq) (CAUSE_INTERRUPT | (irq))
#define MIP_MSIP (1 << IRQ_M_SOFT)
#define MIP_MTIP (1 << IRQ_M_TIMER)
#define MIP_SSIP (1 << IRQ_S_SOFT)
#define MIP_STIP (1 << IRQ_S_TIMER)
#define MCOUNTEREN_TM (1 << 1)
/* A timer deadline 50 ms ahead at the 10 MHz timebase of QEMU's machines
   and ours: long enough that a busy host does not make it pass early. */
#define DELTA 500000
/* how long to wait for something that DELTA brings: 2 s */
#define PATIENCE 20000000

/* Case n: arm the trap, run `enable`, then spin until an interrupt with
   the given cause arrives (fail if it does not). */
.macro AWAIT_INTERRUPT n, cause, enable:vararg
        CASE \n
        call patience_deadline
        ARM_TRAP 1007f
        \enable
1008:   ld a0, 0(s3)
        bltu a0, s2, 1008b
        j fail
1007:   EXPECT t4, \cause
.endm

/* Case n: arm the trap, run `enable`, spin a while: nothing may be taken. */
.macro NO_INTERRUPT n, enable:vararg
        CASE \n
        ARM_TRAP 1009f
        \enable
        li a7, 10000
1010:   addi a7, a7, -1
        bnez a7, 1010b
1009:   DISARM_TRAP
        EXPECT t4, -1
.endm

/* Case n: poll csr until (csr & mask) == value, within a bound. */
.macro AWAIT_CSR n, csr, mask, value
        CASE \n
        call patience_deadline
1011:   ld a0, 0(s3)
        bgeu a0, s2, fail_interrupts
        csrr a0, \csr
        li a1, \mask
        and a0, a0, a1
        li a1, \value
        bne a0, a1, 1011b
.endm

/* Case n: wait in WFI until (csr & mask) != 0, within a bound. */
.macro WFI_UNTIL n, csr, mask
        CASE \n
        call patience_deadline
1013:   ld a0, 0(s3)
        bgeu a0, s2, fail_interrupts
        wfi
        csrr a0, \csr
        li a1, \mask
        and a0, a0, a1
        beqz a0, 1013b
.endm

        .text
        .globl test_main
test_main:
        csrw mie, zero
        csrci mstatus, MSTATUS_MIE

        /* MTIP follows mtime >= mtimecmp */
        li a0, -1
        call set_mtimecmp
        AWAIT_CSR 1, mip, MIP_MTIP, 0
        li a0, 0
        call set_mtimecmp
        AWAIT_CSR 2, mip, MIP_MTIP, MIP_MTIP

        /* pending but masked by mstatus.MIE, then by mie.MTIE */
        li a1, MIP_MTIP
        csrw mie, a1
        NO_INTERRUPT 3, nop
        csrw mie, zero
        NO_INTERRUPT 4, csrsi mstatus, MSTATUS_MIE
        /* both enabled: taken; the trap saved MIE in MPIE and cleared MIE */
        AWAIT_INTERRUPT 5, INTERRUPT(IRQ_M_TIMER), csrs mie, a1
        EXPECT_TRAP_STATUS MSTATUS_MIE | MSTATUS_MPIE | MSTATUS_MPP, MSTATUS_MPIE | MSTATUS_MPP

        /* a timer in the future fires once mtime reaches mtimecmp */
        call timer_in_delta
        csrr a0, mip
        andi a0, a0, MIP_MTIP
        CASE 6
        EXPECT a0, 0
        li a1, MIP_MTIP
        csrw mie, a1
        AWAIT_INTERRUPT 7, INTERRUPT(IRQ_M_TIMER), csrsi mstatus, MSTATUS_MIE
        li a2, CLINT_MTIME
        ld a0, 0(a2)
        bltu a0, s1, fail

        /* WFI returns once an interrupt enabled in mie is pending, even with
           MIE clear (it may also return earlier: it is only a hint) */
        call timer_in_delta
        li a1, MIP_MTIP
        csrw mie, a1
        WFI_UNTIL 8, mip, MIP_MTIP
        /* with MIE set the interrupt is taken: after the wfi if it stalled
           there (or anywhere in the loop if it did not) */
        call timer_in_delta
        li a1, MIP_MTIP
        csrw mie, a1
        CASE 9
        call patience_deadline
        ARM_TRAP 3f
        csrsi mstatus, MSTATUS_MIE
2:      wfi
        ld a0, 0(s3)
        bltu a0, s2, 2b
4:      j fail
3:      EXPECT t4, INTERRUPT(IRQ_M_TIMER)
        lla a0, 2b
        bltu t6, a0, fail_interrupts
        lla a0, 4b
        bgeu t6, a0, fail_interrupts
        li a0, -1
        call set_mtimecmp

        /* machine software interrupt through msip */
        li a0, 1
        call set_msip
        AWAIT_CSR 10, mip, MIP_MSIP, MIP_MSIP
        li a1, MIP_MSIP
        csrw mie, a1
        AWAIT_INTERRUPT 11, INTERRUPT(IRQ_M_SOFT), csrsi mstatus, MSTATUS_MIE
        li a0, 0
        call set_msip
        AWAIT_CSR 12, mip, MIP_MSIP, 0

        /* priority: MSI before MTI, MTI before a (non-delegated) SSI */
        li a0, 1
        call set_msip
        li a0, 0
        call set_mtimecmp
        AWAIT_CSR 13, mip, MIP_MSIP | MIP_MTIP, MIP_MSIP | MIP_MTIP
        li a1, MIP_MSIP | MIP_MTIP
        csrw mie, a1
        AWAIT_INTERRUPT 14, INTERRUPT(IRQ_M_SOFT), csrsi mstatus, MSTATUS_MIE
        AWAIT_INTERRUPT 15, INTERRUPT(IRQ_M_TIMER), csrsi mstatus, MSTATUS_MIE
        li a0, 0
        call set_msip
#ifndef QEMU_7_2
        /* QEMU 7.2 takes the SSI first */
        csrsi mip, MIP_SSIP
        li a1, MIP_SSIP | MIP_MTIP
        csrw mie, a1
        AWAIT_INTERRUPT 16, INTERRUPT(IRQ_M_TIMER), csrsi mstatus, MSTATUS_MIE
        AWAIT_INTERRUPT 17, INTERRUPT(IRQ_S_SOFT), csrsi mstatus, MSTATUS_MIE
        csrci mip, MIP_SSIP
#endif

        /* vectored mtvec: an interrupt enters at base + 4 * cause */
        lla a0, vectors
        ori a0, a0, 1
        csrw mtvec, a0
        li a6, -1
        li a1, MIP_MTIP
        csrw mie, a1
        AWAIT_INTERRUPT 18, INTERRUPT(IRQ_M_TIMER), csrsi mstatus, MSTATUS_MIE
        EXPECT a6, IRQ_M_TIMER
        /* exceptions still enter at the base */
        EXPECT_TRAP 19, CAUSE_ECALL_M, ecall
        EXPECT a6, 0
        lla a0, m_trap
        csrw mtvec, a0
        li a0, -1
        call set_mtimecmp

        /* M interrupts are always enabled below M, whatever MIE says: the
           timer fires in S with MIE (hence MPIE at the trap) clear */
        csrci mstatus, MSTATUS_MIE
        li a1, MIP_MTIP
        csrw mie, a1
        li t0, MSTATUS_MPIE
        csrc mstatus, t0
        ENTER_MODE PRV_S
        li a2, CLINT_MTIMECMP
        AWAIT_INTERRUPT 20, INTERRUPT(IRQ_M_TIMER), sd zero, 0(a2)
        EXPECT_TRAP_STATUS MSTATUS_MPP | MSTATUS_MPIE, PRV_S << MSTATUS_MPP_SHIFT
        RETURN_TO_M
        li a0, -1
        call set_mtimecmp

        /* supervisor software interrupt delegated to S */
        lla a0, s_trap
        csrw stvec, a0
        li a1, MIP_SSIP
        csrw mideleg, a1
        csrw mie, a1
        /* a delegated interrupt is never taken in M */
        csrsi mip, MIP_SSIP
        csrsi mstatus, MSTATUS_SIE
        NO_INTERRUPT 21, csrsi mstatus, MSTATUS_MIE
        csrci mstatus, MSTATUS_MIE | MSTATUS_SIE
        csrci mip, MIP_SSIP
        ENTER_MODE PRV_S
        csrci sstatus, MSTATUS_SIE
        csrsi sip, MIP_SSIP
        NO_INTERRUPT 22, nop
        AWAIT_INTERRUPT 23, INTERRUPT(IRQ_S_SOFT), csrsi sstatus, MSTATUS_SIE
        csrr a0, scause
        EXPECT a0, INTERRUPT(IRQ_S_SOFT)
        /* from U, S interrupts are enabled whatever SIE says: pending in S
           with SIE clear, taken as soon as sret reaches U */
        csrci sstatus, MSTATUS_SIE
        csrsi sie, MIP_SSIP
        csrsi sip, MIP_SSIP
        CASE 24
        call patience_deadline
        ARM_TRAP 6f
        li t0, MSTATUS_SPP
        csrc sstatus, t0
        lla t0, 5f
        csrw sepc, t0
        sret
5:      ld a0, 0(s3)
        bltu a0, s2, 5b
        j fail
6:      EXPECT t4, INTERRUPT(IRQ_S_SOFT)
        EXPECT_TRAP_STATUS MSTATUS_SPP, 0
        RETURN_TO_M
        csrw mie, zero
        csrci mip, MIP_SSIP

        /* with Sstc off, M raises STIP by writing mip (as an SBI timer
           does), for S to take */
        li a1, MENVCFG_STCE
        EXPECT_NO_TRAP 25, csrc CSR_MENVCFG, a1
        li a1, MIP_STIP
        csrw mideleg, a1
        csrw mie, a1
        csrs mip, a1
        AWAIT_CSR 26, mip, MIP_STIP, MIP_STIP
        ENTER_MODE PRV_S
        /* S can clear its software interrupt but not its timer */
        CASE 27
        li a1, MIP_STIP
        csrc sip, a1
        csrr a0, sip
        and a0, a0, a1
        EXPECT_REG_EQ a0, a1
        AWAIT_INTERRUPT 28, INTERRUPT(IRQ_S_TIMER), csrsi sstatus, MSTATUS_SIE
        RETURN_TO_M
        /* priority for S: SSI before STI */
        li a1, MIP_STIP | MIP_SSIP
        csrw mideleg, a1
        csrw mie, a1
        csrs mip, a1
        ENTER_MODE PRV_S
        AWAIT_INTERRUPT 29, INTERRUPT(IRQ_S_SOFT), csrsi sstatus, MSTATUS_SIE
        AWAIT_INTERRUPT 30, INTERRUPT(IRQ_S_TIMER), csrsi sstatus, MSTATUS_SIE
        RETURN_TO_M
        li a1, MIP_STIP | MIP_SSIP
        csrc mip, a1
        AWAIT_CSR 31, mip, MIP_STIP, 0

        /* Sstc: stimecmp raises STIP for S; skipped where stimecmp does not
           exist (QEMU's spike machine has no time CSR to compare with) */
        li a1, MENVCFG_STCE
        EXPECT_NO_TRAP 32, csrs CSR_MENVCFG, a1
        CASE 33
        ARM_TRAP 6f
        csrr a0, CSR_STIMECMP
        DISARM_TRAP
        j 7f
6:      EXPECT t4, CAUSE_ILLEGAL
        j pass
7:      li a1, MCOUNTEREN_TM
        csrs mcounteren, a1
        li a1, MIP_STIP
        csrw mideleg, a1
        csrw mie, a1
        ENTER_MODE PRV_S
        csrci sstatus, MSTATUS_SIE
        li a0, -1
        csrw CSR_STIMECMP, a0
        AWAIT_CSR 34, sip, MIP_STIP, 0
        csrw CSR_STIMECMP, zero
        AWAIT_CSR 35, sip, MIP_STIP, MIP_STIP
        AWAIT_INTERRUPT 36, INTERRUPT(IRQ_S_TIMER), csrsi sstatus, MSTATUS_SIE
        rdtime s1
        li a0, DELTA
        add s1, s1, a0
        csrw CSR_STIMECMP, s1
        AWAIT_CSR 37, sip, MIP_STIP, 0
        li a1, MIP_STIP
        csrs sie, a1
        AWAIT_INTERRUPT 38, INTERRUPT(IRQ_S_TIMER), csrsi sstatus, MSTATUS_SIE
        rdtime a0
        bltu a0, s1, fail
        /* WFI in S with interrupts off, as in Linux's idle loop, wakes up
           once the timer is pending */
        li a1, MIP_STIP
        csrs sie, a1
        rdtime s1
        li a0, DELTA
        add s1, s1, a0
        csrw CSR_STIMECMP, s1
        WFI_UNTIL 39, sip, MIP_STIP
        rdtime a0
        bltu a0, s1, fail
        li a0, -1
        csrw CSR_STIMECMP, a0
        j pass

/* within reach of a conditional branch, which cannot reach fail */
fail_interrupts:
        j fail

/* s2 = mtime + PATIENCE, s3 = the address of mtime */
patience_deadline:
        li s3, CLINT_MTIME
        ld s2, 0(s3)
        li a0, PATIENCE
        add s2, s2, a0
        ret

/* s1 = mtimecmp = mtime + DELTA */
timer_in_delta:
        li a0, CLINT_MTIME
        ld s1, 0(a0)
        li a0, DELTA
        add s1, s1, a0
        mv a0, s1
        /* fall through */
/* mtimecmp = a0 */
set_mtimecmp:
        li a1, CLINT_MTIMECMP
        sd a0, 0(a1)
        ret

/* msip = a0 */
set_msip:
        li a1, CLINT_MSIP
        sw a0, 0(a1)
        ret

/* mtvec in vectored mode: every cause but 0 and the timer goes straight on */
        .align 8
vectors:
        j vector_0
        .rept IRQ_M_TIMER - 1
        j m_trap
        .endr
        j vector_timer
        .rept 16 - IRQ_M_TIMER - 1
        j m_trap
        .endr
vector_0:
        li a6, 0
        j m_trap
vector_timer:
        li a6, IRQ_M_TIMER
        j m_trap
