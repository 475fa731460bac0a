/*
 * Zifencei: code that the program rewrites (in M or S) runs in its new form after
 * fence.i, also when the old form has already run (and may be cached) and
 * when the new instruction is compressed.
 */
#include "test.h"

/* addi a0, zero, imm */
#define LI_A0(imm) (((imm) << 20) | 0x513)
/* c.li a0, imm followed by c.nop, as one 32-bit word */
#define C_LI_A0_C_NOP(imm) ((0x0001 << 16) | 0x4501 | ((imm) << 2))

        .text
        .globl test_main
test_main:
        CASE 1
        call patchable
        EXPECT a0, 1

        /* the old instruction has run; the new one must run after fence.i */
        CASE 2
        li a2, LI_A0(2)
        call patch
        call patchable
        EXPECT a0, 2

        /* rewrite the same instruction again and again in a loop */
        CASE 3
        li s1, 3
1:      li a2, LI_A0(0)
        slli a3, s1, 20
        or a2, a2, a3
        call patch
        call patchable
        EXPECT_REG_EQ a0, s1
        addi s1, s1, 1
        li a3, 10
        bne s1, a3, 1b

        /* a compressed instruction in place of a 32-bit one */
        CASE 4
        li a2, C_LI_A0_C_NOP(7)
        call patch
        call patchable
        EXPECT a0, 7

        /* and a 32-bit one again */
        CASE 5
        li a2, LI_A0(-5)
        call patch
        call patchable
        EXPECT a0, -5

        /* the same from S */
        ENTER_MODE PRV_S
        CASE 6
        li a2, LI_A0(11)
        call patch
        call patchable
        EXPECT a0, 11
        RETURN_TO_M

        /* fence with every ordering executes as an instruction */
        CASE 7
        fence
        fence rw, rw
        fence iorw, iorw
        fence.i
        li a0, 6
        EXPECT a0, 6

        j pass

/* write a2 over the first instruction of patchable, then fence.i */
patch:
        lla a1, patchable
        sw a2, 0(a1)
        fence.i
        ret

        .align 2
patchable:
        li a0, 1
        ret
