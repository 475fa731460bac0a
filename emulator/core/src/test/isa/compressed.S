/*
 * RV64C: every integer compressed instruction, written as explicit c.*
 * mnemonics, compared with the result of its base-ISA expansion, and the
 * compressed HINTs.
 */
#include "test.h"

        .option rvc

        .text
        .globl test_main
test_main:
        /* room for the stack-pointer based accesses below */
        addi sp, sp, -512

        /* constants */
        CASE 1
        c.li a0, -32
        EXPECT a0, -32
        CASE 2
        c.li a0, 31
        EXPECT a0, 31
        CASE 3
        c.lui a0, 0x1f
        EXPECT a0, 0x1f000
        CASE 4
        c.lui a0, 0xfffff
        EXPECT a0, 0xfffffffffffff000
        CASE 5
        c.nop
        c.li a0, 0
        c.addi a0, -1
        EXPECT a0, -1
        CASE 6
        c.addi a0, 31
        EXPECT a0, 30

        /* W arithmetic sign-extends */
        CASE 7
        li a0, 0x7fffffff
        c.addiw a0, 1
        EXPECT a0, 0xffffffff80000000
        CASE 8
        li a0, 0x123456789
        c.addiw a0, 0
        EXPECT a0, 0x23456789
        CASE 9
        li a0, 0x7fffffff
        li a1, 1
        c.addw a0, a1
        EXPECT a0, 0xffffffff80000000
        CASE 10
        li a0, 0
        li a1, 0x80000000
        c.subw a0, a1
        EXPECT a0, 0xffffffff80000000

        /* stack-pointer arithmetic */
        CASE 11
        mv s1, sp
        c.addi16sp sp, -64
        sub a0, s1, sp
        c.addi16sp sp, 496
        sub a1, sp, s1
        addi sp, sp, -432
        EXPECT a0, 64
        EXPECT a1, 432
        CASE 12
        c.addi4spn a0, sp, 8
        sub a0, a0, sp
        EXPECT a0, 8
        CASE 13
        c.addi4spn a0, sp, 1020
        sub a0, a0, sp
        EXPECT a0, 1020

        /* register-register */
        CASE 14
        li a1, 0x1234
        c.mv a0, a1
        EXPECT a0, 0x1234
        CASE 15
        li a0, 0x7fffffffffffffff
        li a1, 1
        c.add a0, a1
        EXPECT a0, 0x8000000000000000
        CASE 16
        li s0, 5
        li a5, 7
        c.sub s0, a5
        EXPECT s0, -2
        CASE 17
        li s0, 0xff00ff00ff00ff00
        li s1, 0x0ff00ff00ff00ff0
        c.xor s0, s1
        EXPECT s0, 0xf0f0f0f0f0f0f0f0
        CASE 18
        li s0, 0xff00ff00ff00ff00
        c.or s0, s1
        EXPECT s0, 0xfff0fff0fff0fff0
        CASE 19
        li s0, 0xff00ff00ff00ff00
        c.and s0, s1
        EXPECT s0, 0x0f000f000f000f00

        /* shifts and andi */
        CASE 20
        li a0, 1
        c.slli a0, 63
        EXPECT a0, 0x8000000000000000
        CASE 21
        c.srai a0, 63
        EXPECT a0, -1
        CASE 22
        c.srli a0, 60
        EXPECT a0, 0xf
        CASE 23
        li a0, 0x1234
        c.slli a0, 4
        EXPECT a0, 0x12340
        CASE 24
        li a0, -1
        c.andi a0, -32
        EXPECT a0, -32
        CASE 25
        li a0, 0xff
        c.andi a0, 0x15
        EXPECT a0, 0x15
        CASE 26
        li a0, 0x8000000000000000
        c.srai a0, 1
        EXPECT a0, 0xc000000000000000

        /* loads and stores, register based */
        CASE 27
        lla a1, data
        c.ld a0, 8(a1)
        EXPECT a0, 0x8877665544332211
        CASE 28
        c.lw a0, 12(a1)
        EXPECT a0, 0xffffffff88776655
        CASE 29
        c.lw a0, 8(a1)
        EXPECT a0, 0x44332211
        CASE 30
        li a2, 0x0123456789abcdef
        c.sd a2, 248(a1)
        ld a0, 248(a1)
        EXPECT a0, 0x0123456789abcdef
        CASE 31
        li a2, 0x55aa55aa
        c.sw a2, 124(a1)
        lw a0, 124(a1)
        EXPECT a0, 0x55aa55aa
        lw a0, 120(a1)
        EXPECT a0, 0xffffffff89abcdef

        /* loads and stores, stack-pointer based */
        CASE 32
        li a2, 0xfedcba9876543210
        c.sdsp a2, 248(sp)
        c.ldsp a0, 248(sp)
        EXPECT a0, 0xfedcba9876543210
        CASE 33
        c.lwsp a0, 252(sp)
        EXPECT a0, 0xfffffffffedcba98
        CASE 34
        li a2, 0x7000000f
        c.swsp a2, 244(sp)
        lw a0, 244(sp)
        EXPECT a0, 0x7000000f

        /* jumps and branches */
        CASE 35
        c.j 1f
        j fail
1:      c.li a0, 0
        c.beqz a0, 2f
        j fail
2:      c.li a0, 1
        c.beqz a0, 5f
        c.bnez a0, 3f
5:      j fail
3:      c.li a0, 0
        c.bnez a0, 5b

        CASE 36
        li a0, 3
        li a1, 0
4:      c.addi a1, 5
        c.addi a0, -1
        c.bnez a0, 4b
        EXPECT a1, 15

        /* c.jr and c.jalr; c.jalr links pc + 2 */
        CASE 37
        lla a1, 5f
        c.jr a1
        j fail
5:      lla a1, 7f
        c.jalr a1
6:      j fail
7:      lla a2, 6b
        EXPECT_REG_EQ ra, a2

        /* c.ebreak raises a breakpoint at its own address */
        CASE 38
        ARM_TRAP 9f
8:      c.ebreak
        j fail
9:      EXPECT t4, CAUSE_BREAKPOINT
        lla a0, 8b
        EXPECT_REG_EQ t6, a0

        /* the compressed HINTs (rd = x0 forms) run as no-ops */
        li a0, 77
        EXPECT_NO_TRAP 39, c.li zero, 1
        EXPECT_NO_TRAP 40, c.addi zero, 1
        EXPECT_NO_TRAP 41, c.mv zero, a0
        EXPECT_NO_TRAP 42, c.add zero, a0
        EXPECT_NO_TRAP 43, c.slli zero, 1
        EXPECT_NO_TRAP 44, c.lui zero, 1
        EXPECT a0, 77

        j pass

        .data
        .align 3
data:
        .dword 0
        .dword 0x8877665544332211
        .skip 104
        .dword 0x0123456789abcdef
        .skip 128
