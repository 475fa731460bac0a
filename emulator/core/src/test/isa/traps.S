/*
 * Synchronous traps and privilege transitions: ecall from M, S and U,
 * ebreak, illegal instructions and their tval, privileged instructions in
 * the wrong mode (and TSR/TVM), what mret and sret do to mstatus, and
 * delegation of exceptions to S through medeleg.
 */
#include "test.h"

#define CUSTOM0_INSN 0x0000000b
#define C_EBREAK 0x9002
/* no memory or device here, on QEMU's spike machine or on ours */
#define NOTHING_THERE 0x400

/* From S: continue with the next instruction in U (uses t0). */
.macro ENTER_S_TO_U
        li t0, MSTATUS_SPP
        csrc sstatus, t0
        lla t0, 1f
        csrw sepc, t0
        sret
1:
.endm

/* Fail unless (csr & mask) == value. */
.macro EXPECT_CSR_FIELD csr, mask, value
        csrr a0, \csr
        li a1, \mask
        and a0, a0, a1
        EXPECT a0, \value
.endm

        .text
        .globl test_main
test_main:
        /* exceptions taken in M: cause, epc at the instruction, tval */
        EXPECT_TRAP 1, CAUSE_ECALL_M, ecall
        EXPECT t5, 0
        EXPECT_TRAP 2, CAUSE_BREAKPOINT, ebreak
        call check_tval_zero_or_epc
        EXPECT_TRAP 3, CAUSE_ILLEGAL, .word CUSTOM0_INSN
        call check_tval_zero_or_insn
        EXPECT_TRAP 4, CAUSE_ILLEGAL, .half 0
        EXPECT t5, 0

        /* access faults where nothing is mapped; tval is the address or 0 */
        li a1, NOTHING_THERE
        EXPECT_TRAP 5, CAUSE_LOAD_ACCESS, ld a0, 0(a1)
        call check_tval_zero_or_a1
        EXPECT_TRAP 6, CAUSE_STORE_ACCESS, sw a0, 0(a1)
        call check_tval_zero_or_a1
        CASE 7
        ARM_TRAP 1f
        jalr a1
        j fail
1:      EXPECT t4, CAUSE_FETCH_ACCESS
        EXPECT_REG_EQ t6, a1
        call check_tval_zero_or_a1

        /* mret into M: MIE <- MPIE, MPIE <- 1, MPP <- U */
        CASE 8
        li a1, MSTATUS_MPIE | MSTATUS_MPP
        csrs mstatus, a1
        li a1, MSTATUS_MIE
        csrc mstatus, a1
        lla a1, 1f
        csrw mepc, a1
        mret
        j fail
1:      EXPECT_CSR_FIELD mstatus, MSTATUS_MIE | MSTATUS_MPIE | MSTATUS_MPP, MSTATUS_MIE | MSTATUS_MPIE
        csrci mstatus, MSTATUS_MIE

        /* mret into S really lowers the privilege (S cannot read M CSRs)
           and, leaving M, clears MPRV */
        li a1, MSTATUS_MPRV
        csrs mstatus, a1
        ENTER_MODE PRV_S
        EXPECT_TRAP 9, CAUSE_ILLEGAL, csrr a0, mstatus
        RETURN_TO_M
#ifndef QEMU_7_2
        /* QEMU 7.2 keeps MPRV */
        CASE 10
        EXPECT_CSR_FIELD mstatus, MSTATUS_MPRV, 0
#endif
        li a1, MSTATUS_MPRV
        csrc mstatus, a1

        /* ecall from S: cause 9; the trap saved MIE in MPIE and S in MPP */
        li a1, MSTATUS_MPIE
        csrs mstatus, a1
        ENTER_MODE PRV_S
        EXPECT_TRAP 11, CAUSE_ECALL_S, ecall
        EXPECT t5, 0
        EXPECT_TRAP_STATUS MSTATUS_MPP | MSTATUS_MPIE | MSTATUS_MIE, (PRV_S << MSTATUS_MPP_SHIFT) | MSTATUS_MPIE
        EXPECT_TRAP 12, CAUSE_ILLEGAL, mret
        RETURN_TO_M

        /* ecall from U: cause 8, MPP = U */
        ENTER_MODE PRV_U
        EXPECT_TRAP 13, CAUSE_ECALL_U, ecall
        EXPECT_TRAP_STATUS MSTATUS_MPP, PRV_U << MSTATUS_MPP_SHIFT
        EXPECT_TRAP 14, CAUSE_ILLEGAL, sret
        EXPECT_TRAP 15, CAUSE_ILLEGAL, mret
        EXPECT_TRAP 16, CAUSE_ILLEGAL, sfence.vma
        EXPECT_TRAP 17, CAUSE_ILLEGAL, csrr a0, sstatus
        RETURN_TO_M

        /* TSR makes sret illegal in S; TVM makes satp and sfence.vma illegal */
        li a1, (1 << 22) | (1 << 20)
        csrs mstatus, a1
        ENTER_MODE PRV_S
        EXPECT_TRAP 18, CAUSE_ILLEGAL, sret
        EXPECT_TRAP 19, CAUSE_ILLEGAL, csrr a0, satp
        EXPECT_TRAP 20, CAUSE_ILLEGAL, sfence.vma
        RETURN_TO_M
        li a1, (1 << 22) | (1 << 20)
        csrc mstatus, a1
        ENTER_MODE PRV_S
        EXPECT_NO_TRAP 21, csrr a0, satp
        EXPECT_NO_TRAP 22, sfence.vma

        /* sret within S: SIE <- SPIE, SPIE <- 1, SPP <- U */
        CASE 23
        li a1, MSTATUS_SPIE | MSTATUS_SPP
        csrs sstatus, a1
        csrci sstatus, MSTATUS_SIE
        lla a1, 2f
        csrw sepc, a1
        sret
        j fail
2:      EXPECT_CSR_FIELD sstatus, MSTATUS_SIE | MSTATUS_SPIE | MSTATUS_SPP, MSTATUS_SIE | MSTATUS_SPIE
        csrci sstatus, MSTATUS_SIE
        RETURN_TO_M

        /* delegate ecall from U, breakpoints and illegal instructions to S */
        lla a1, s_trap
        csrw stvec, a1
        li a1, (1 << CAUSE_ECALL_U) | (1 << CAUSE_BREAKPOINT) | (1 << CAUSE_ILLEGAL)
        csrw medeleg, a1
        csrr a0, medeleg
        EXPECT_REG_EQ a0, a1
        /* an M-mode trap is never delegated */
        EXPECT_TRAP 24, CAUSE_ILLEGAL, .word CUSTOM0_INSN
        csrr a0, mcause
        EXPECT a0, CAUSE_ILLEGAL

        ENTER_MODE PRV_S
        csrw sepc, zero
        csrw scause, zero
        /* from S to S: SPP = S, SPIE = old SIE */
        csrsi sstatus, MSTATUS_SIE
        EXPECT_TRAP 25, CAUSE_ILLEGAL, .word CUSTOM0_INSN
        EXPECT_TRAP_STATUS MSTATUS_SPP | MSTATUS_SPIE | MSTATUS_SIE, MSTATUS_SPP | MSTATUS_SPIE
        call check_tval_zero_or_insn
        csrr a0, scause
        EXPECT a0, CAUSE_ILLEGAL
        csrci sstatus, MSTATUS_SIE
        /* ecall from S is not delegated: it still goes to M */
        CASE 26
        ARM_TRAP 3f
        ecall
        j fail
3:      EXPECT t4, CAUSE_ECALL_S
        csrr a0, scause
        EXPECT a0, CAUSE_ILLEGAL
        /* c.ebreak in S, as the kernel's BUG() and WARN() sites */
        EXPECT_TRAP 27, CAUSE_BREAKPOINT, .half C_EBREAK
        csrr a0, scause
        EXPECT a0, CAUSE_BREAKPOINT

        /* From U, delegated traps are taken by S (resumed in S to look;
           t6 is the sepc the trap wrote, the handler has rewritten sepc). */
        ENTER_S_TO_U
        CASE 28
        ARM_TRAP_TO_HANDLER 5f
4:      ecall
        j fail
5:      csrr a0, scause
        EXPECT a0, CAUSE_ECALL_U
        lla a1, 4b
        EXPECT_REG_EQ t6, a1
        csrr a0, stval
        EXPECT a0, 0
        EXPECT_TRAP_STATUS MSTATUS_SPP, 0

        ENTER_S_TO_U
        CASE 29
        ARM_TRAP_TO_HANDLER 7f
6:      ebreak
        j fail
7:      csrr a0, scause
        EXPECT a0, CAUSE_BREAKPOINT
        lla a1, 6b
        EXPECT_REG_EQ t6, a1

        /* a trap that is not delegated, from U, still goes to M */
        ENTER_S_TO_U
        CASE 30
        li a1, 0
        ARM_TRAP 8f
        lw a0, 0(a1)
        j fail
8:      EXPECT t4, CAUSE_LOAD_ACCESS
        RETURN_TO_M
        /* the delegated ecall from U above lands in S; one more to M */
        RETURN_TO_M
        csrw medeleg, zero

        j pass

/* ebreak: tval is 0 or the address of the instruction */
check_tval_zero_or_epc:
        beqz t5, 1f
        EXPECT_REG_EQ t5, t6
1:      ret

/* access fault: tval is 0 or the address in a1 */
check_tval_zero_or_a1:
        beqz t5, 1f
        EXPECT_REG_EQ t5, a1
1:      ret

/* illegal instruction: tval is 0 or the instruction itself */
check_tval_zero_or_insn:
        beqz t5, 1f
        EXPECT t5, CUSTOM0_INSN
1:      ret
