/*
 * Shared definitions for the bare-metal ISA test programs.
 *
 * Every program defines `test_main`, runs numbered cases and ends with
 * `j pass`. runtime.S starts the hart, owns the trap handlers and reports
 * through the HTIF `tohost` word: exit code 0 = pass, N = case N failed,
 * 128 + N = an unexpected trap during case N.
 *
 * Registers reserved by this framework (programs must not use them for
 * anything else):
 *   gp  the current case number
 *   tp  scratch for EXPECT and the trap handlers
 *   t3  where the next trap resumes (0: no trap expected; bit 0 set: resume
 *       in the privilege of the handler that takes the trap)
 *   t4  cause of the last recorded trap (-1 when none since ARM_TRAP)
 *   t5  tval of the last recorded trap
 *   t6  epc of the last recorded trap
 * and the doubleword `trap_status` holds mstatus (sstatus for s_trap) as
 * the handler found it.
 *
 * Traps go to m_trap (mtvec), or to s_trap when a program delegates them and
 * sets stvec. A handler records the trap, resumes at t3 and clears t3, so a
 * second trap is unexpected unless the program arms it again. It masks an
 * interrupt it takes (in mie or sie) and resumes with interrupts disabled.
 */
#ifndef CHARIOT_ISA_TEST_H
#define CHARIOT_ISA_TEST_H

#define PRV_U 0
#define PRV_S 1
#define PRV_M 3

#define MSTATUS_SIE  (1 << 1)
#define MSTATUS_MIE  (1 << 3)
#define MSTATUS_SPIE (1 << 5)
#define MSTATUS_MPIE (1 << 7)
#define MSTATUS_SPP  (1 << 8)
#define MSTATUS_MPP  (3 << 11)
#define MSTATUS_MPRV (1 << 17)
#define MSTATUS_SUM  (1 << 18)
#define MSTATUS_MXR  (1 << 19)
#define MSTATUS_MPP_SHIFT 11

#define CAUSE_MISALIGNED_FETCH  0
#define CAUSE_FETCH_ACCESS      1
#define CAUSE_ILLEGAL           2
#define CAUSE_BREAKPOINT        3
#define CAUSE_MISALIGNED_LOAD   4
#define CAUSE_LOAD_ACCESS       5
#define CAUSE_MISALIGNED_STORE  6
#define CAUSE_STORE_ACCESS      7
#define CAUSE_ECALL_U           8
#define CAUSE_ECALL_S           9
#define CAUSE_ECALL_M           11
#define CAUSE_FETCH_PAGE_FAULT  12
#define CAUSE_LOAD_PAGE_FAULT   13
#define CAUSE_STORE_PAGE_FAULT  15
#define CAUSE_INTERRUPT         (1 << 63)

#define IRQ_S_SOFT  1
#define IRQ_M_SOFT  3
#define IRQ_S_TIMER 5
#define IRQ_M_TIMER 7

/* Numeric CSR addresses, for names this assembler may not know. */
#define CSR_STIMECMP 0x14d
#define CSR_MENVCFG  0x30a
#define CSR_SENVCFG  0x10a
#define CSR_MCONFIGPTR 0xf15
#define MENVCFG_STCE (1 << 63)

#define CLINT_MSIP     0x02000000
#define CLINT_MTIMECMP 0x02004000
#define CLINT_MTIME    0x0200bff8

#define TESTNUM gp

/*
 * QEMU_7_2 is defined when a program is built for the reference run on QEMU
 * 7.2, which departs from the specification on a few points. The checks of
 * those points are left out of that build (#ifndef QEMU_7_2), or expect
 * QEMU's behaviour instead; each one says what QEMU does.
 */

        .option norvc

/* Start case n; the exit code of a failure is n, so n must fit 1..127. */
.macro CASE n
        .if (\n) < 1 || (\n) > 127
        .error "case numbers must be 1..127"
        .endif
        li TESTNUM, \n
.endm

/* Fail the current case unless reg holds value. */
.macro EXPECT reg, value
        li tp, \value
        beq \reg, tp, 1000f
        j fail
1000:
.endm

/* Fail the current case unless reg equals other. */
.macro EXPECT_REG_EQ reg, other
        beq \reg, \other, 1000f
        j fail
1000:
.endm

/* rd = op(a, b) with a in a1, b in a2, result in a0. */
.macro TEST_RR n, op, expected, a, b
        CASE \n
        li a1, \a
        li a2, \b
        \op a0, a1, a2
        EXPECT a0, \expected
.endm

/* rd = op(a, imm) with a in a1, result in a0. */
.macro TEST_RI n, op, expected, a, imm
        CASE \n
        li a1, \a
        \op a0, a1, \imm
        EXPECT a0, \expected
.endm

/* The next trap records its cause/tval/epc and resumes at `resume`. */
.macro ARM_TRAP resume
        lla t3, \resume
        li t4, -1
.endm

/* The same, resuming in the privilege of the handler that takes the trap. */
.macro ARM_TRAP_TO_HANDLER resume
        lla t3, \resume + 1
        li t4, -1
.endm

/* From here on a trap is unexpected again. */
.macro DISARM_TRAP
        li t3, 0
.endm

/* Case n: `insn` must trap with `cause` and epc at insn; tval is left in
   t5, epc in t6. */
.macro EXPECT_TRAP n, cause, insn:vararg
        CASE \n
        ARM_TRAP 1001f
1005:   \insn
        j fail
1001:
        EXPECT t4, \cause
        lla tp, 1005b
        EXPECT_REG_EQ t6, tp
.endm

/* Fail unless the status saved by the last trap has (status & mask) == value (uses a0, a1). */
.macro EXPECT_TRAP_STATUS mask, value
        lla a0, trap_status
        ld a0, 0(a0)
        li a1, \mask
        and a0, a0, a1
        EXPECT a0, \value
.endm

/* Case n: `insn` must not trap. */
.macro EXPECT_NO_TRAP n, insn:vararg
        CASE \n
        ARM_TRAP 1002f
        \insn
1002:
        DISARM_TRAP
        EXPECT t4, -1
.endm

/* From M: continue with the next instruction in privilege prv (uses t0). */
.macro ENTER_MODE prv
        li t0, MSTATUS_MPP
        csrc mstatus, t0
        li t0, (\prv) << MSTATUS_MPP_SHIFT
        csrs mstatus, t0
        lla t0, 1003f
        csrw mepc, t0
        mret
1003:
.endm

/* From S or U: continue with the next instruction in M (in S when the
   ecall is delegated). */
.macro RETURN_TO_M
        ARM_TRAP_TO_HANDLER 1004f
        ecall
1004:
.endm

#endif
