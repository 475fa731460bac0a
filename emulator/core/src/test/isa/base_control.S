/*
 * RV64I control transfer: every conditional branch taken and not taken at
 * the signed/unsigned edges, backward branches, jal and jalr with their
 * link values and jalr's cleared bit 0.
 */
#include "test.h"

.macro TAKEN n, branch, a, b
        CASE \n
        li a1, \a
        li a2, \b
        \branch a1, a2, taken\@
        j fail
taken\@:
.endm

.macro NOT_TAKEN n, branch, a, b
        CASE \n
        li a1, \a
        li a2, \b
        \branch a1, a2, wrong\@
        j right\@
wrong\@:
        j fail
right\@:
.endm

        .text
        .globl test_main
test_main:
        TAKEN      1, beq,  -1, -1
        NOT_TAKEN  2, beq,  1, 0x100000001
        TAKEN      3, bne,  0, 0x8000000000000000
        NOT_TAKEN  4, bne,  7, 7
        TAKEN      5, blt,  -1, 0
        NOT_TAKEN  6, blt,  0, -1
        NOT_TAKEN  7, blt,  3, 3
        TAKEN      8, blt,  0x8000000000000000, 0x7fffffffffffffff
        TAKEN      9, bge,  3, 3
        TAKEN     10, bge,  0, -1
        NOT_TAKEN 11, bge,  -1, 0
        TAKEN     12, bltu, 0, -1
        NOT_TAKEN 13, bltu, -1, 0
        NOT_TAKEN 14, bltu, 5, 5
        TAKEN     15, bltu, 0x7fffffffffffffff, 0x8000000000000000
        TAKEN     16, bgeu, -1, 0
        TAKEN     17, bgeu, 5, 5
        NOT_TAKEN 18, bgeu, 0, -1

        /* a backward branch: count down from 10 */
        CASE 19
        li a0, 0
        li a1, 10
1:      addi a0, a0, 3
        addi a1, a1, -1
        bnez a1, 1b
        EXPECT a0, 30

        /* jal links the address of the next instruction */
        CASE 20
        jal a0, 2f
3:      j fail
2:      lla a1, 3b
        EXPECT_REG_EQ a0, a1

        /* jal backward, through x0 (plain jump) */
        CASE 21
        li a0, 0
        j 5f
4:      li a0, 1
        j 6f
5:      jal x0, 4b
6:      EXPECT a0, 1

        /* jalr: target is rs1 + imm, link is the next instruction */
        CASE 22
        lla a1, 8f - 8
        jalr a0, 8(a1)
7:      j fail
8:      lla a2, 7b
        EXPECT_REG_EQ a0, a2

        /* jalr clears bit 0 of the target */
        CASE 23
        lla a1, 10f + 1
        jalr a0, 0(a1)
9:      j fail
10:     lla a2, 9b
        EXPECT_REG_EQ a0, a2

        /* jalr with rd == rs1 jumps to the old value */
        CASE 24
        lla a1, 12f
        jalr a1, 0(a1)
11:     j fail
12:     lla a2, 11b
        EXPECT_REG_EQ a1, a2

        /* negative jalr offset */
        CASE 25
        lla a1, 14f + 16
        jalr ra, -16(a1)
13:     j fail
14:     lla a2, 13b
        EXPECT_REG_EQ ra, a2

        j pass
