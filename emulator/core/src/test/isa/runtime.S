/*
 * Start-up, trap handlers and result reporting shared by every test program
 * (see test.h for the conventions).
 */
#include "test.h"

        .section .text.init, "ax", @progbits
        .globl _start
_start:
        /* Let S and U reach all memory if PMP exists; where it does not,
           the CSR writes trap and the trap lands on the next label. */
        lla t0, pmp_done
        csrw mtvec, t0
        li t0, -1
        csrw pmpaddr0, t0
        li t0, 0x1f                     /* NAPOT, R, W, X */
        csrw pmpcfg0, t0
        .align 2
pmp_done:
        lla t0, m_trap
        csrw mtvec, t0
        csrw medeleg, zero
        csrw mideleg, zero
        csrw mie, zero
        li gp, 0
        li t3, 0
        li t4, -1
        lla sp, stack_top
        j test_main

/* Every trap taken into M: record it and resume where t3 says (once). */
        .text
        .align 2
        .globl m_trap
m_trap:
        beqz t3, unexpected_trap
        csrr t5, mstatus
        lla tp, trap_status
        sd t5, 0(tp)
        csrr t4, mcause
        csrr t5, mtval
        csrr t6, mepc
        bgez t4, 1f
        /* An interrupt: mask its source and resume with interrupts off,
           so that it cannot be taken again before the program looks. */
        li tp, 1
        sll tp, tp, t4
        csrc mie, tp
        li tp, MSTATUS_MPIE
        csrc mstatus, tp
1:      andi tp, t3, 1
        beqz tp, 2f
        sub t3, t3, tp
        li tp, MSTATUS_MPP
        csrs mstatus, tp
2:      csrw mepc, t3
        li t3, 0
        mret

/* The same for traps delegated to S (programs install it in stvec). */
        .align 2
        .globl s_trap
s_trap:
        beqz t3, unexpected_trap
        csrr t5, sstatus
        lla tp, trap_status
        sd t5, 0(tp)
        csrr t4, scause
        csrr t5, stval
        csrr t6, sepc
        bgez t4, 1f
        li tp, 1
        sll tp, tp, t4
        csrc sie, tp
        li tp, MSTATUS_SPIE
        csrc sstatus, tp
1:      andi tp, t3, 1
        beqz tp, 2f
        sub t3, t3, tp
        li tp, MSTATUS_SPP
        csrs sstatus, tp
2:      csrw sepc, t3
        li t3, 0
        sret

unexpected_trap:
        ori gp, gp, 128
        j report

/* Reached in any privilege: go to M through ecall, then report. The
   resume address is loaded as an absolute (physical) address, so that this
   also works when reached through a virtual alias of this code. */
        .globl pass
pass:
        li gp, 0
        .globl fail
fail:
        lla t3, report_in_m
        ld t3, 0(t3)
        ecall
        .align 2
report:
        /* in M, but maybe with MPRV set by the program: store untranslated */
        li tp, MSTATUS_MPRV
        csrc mstatus, tp
        slli gp, gp, 1
        ori gp, gp, 1
        lla tp, tohost
        sd gp, 0(tp)
1:      j 1b

        .section .rodata
        .align 3
report_in_m:
        .dword report + 1

        .section .tohost, "aw", @progbits
        .align 6
        .globl tohost
tohost: .dword 0
        .size tohost, 8
        .align 6
        .globl fromhost
fromhost: .dword 0
        .size fromhost, 8

        .bss
        .align 3
        .globl trap_status
trap_status:
        .dword 0
        .align 4
stack:  .skip 4096
stack_top:
