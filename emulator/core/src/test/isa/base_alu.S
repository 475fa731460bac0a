/*
 * RV64I register and immediate arithmetic, logic, shifts, comparisons,
 * lui and auipc, including the W forms and their sign extension.
 */
#include "test.h"

        .text
        .globl test_main
test_main:
        /* add, sub, addi: 64-bit wrap-around and the 12-bit signed immediate */
        TEST_RR  1, add,  2, 1, 1
        TEST_RR  2, add,  0x8000000000000000, 0x7fffffffffffffff, 1
        TEST_RR  3, add,  0, -1, 1
        TEST_RR  4, sub,  -1, 0, 1
        TEST_RR  5, sub,  0x7fffffffffffffff, 0x8000000000000000, 1
        TEST_RI  6, addi, 0x8000000000000000, 0x7fffffffffffffff, 1
        TEST_RI  7, addi, -2043, 5, -2048
        TEST_RI  8, addi, 2047, 0, 2047

        /* W forms use the low 32 bits and sign-extend the 32-bit result */
        TEST_RR  9, addw, 0xffffffff80000000, 0x7fffffff, 1
        TEST_RR 10, addw, 8, 0xffffffff00000005, 3
        TEST_RR 11, addw, 0, 0xffffffff, 1
        TEST_RR 12, subw, -1, 0, 1
        TEST_RR 13, subw, 0x7fffffff, 0xffffffff80000000, 1
        TEST_RI 14, addiw, 0xffffffff80000000, 0x7fffffff, 1
        TEST_RI 15, addiw, 0x23456789, 0x123456789, 0
        TEST_RI 16, addiw, -1, 0xffffffff, 0

        /* logic; immediates are sign-extended */
        TEST_RR 17, and,  0x0f000f000f000f00, 0xff00ff00ff00ff00, 0x0ff00ff00ff00ff0
        TEST_RR 18, or,   0xfff0fff0fff0fff0, 0xff00ff00ff00ff00, 0x0ff00ff00ff00ff0
        TEST_RR 19, xor,  0xf0f0f0f0f0f0f0f0, 0xff00ff00ff00ff00, 0x0ff00ff00ff00ff0
        TEST_RI 20, andi, 0xff00ff00ff00ff00, 0xff00ff00ff00ff00, -16
        TEST_RI 21, andi, 0x700, 0xff00ff00ff00ff00, 0x70f
        TEST_RI 22, ori,  -1, 0, -1
        TEST_RI 23, ori,  0x7f1, 1, 0x7f0
        TEST_RI 24, xori, 0xff00ff00ff00ff00, 0x00ff00ff00ff00ff, -1
        TEST_RI 25, xori, 0x15cb, 0x1234, 0x7ff

        /* 64-bit shifts use the low 6 bits of rs2 */
        TEST_RR 26, sll,  0x8000000000000000, 1, 63
        TEST_RR 27, sll,  1, 1, 64
        TEST_RR 28, sll,  0x2468, 0x1234, 65
        TEST_RR 29, srl,  1, 0x8000000000000000, 63
        TEST_RR 30, sra,  -1, 0x8000000000000000, 63
        TEST_RR 31, sra,  1, 0x7fffffffffffffff, 62
        TEST_RI 32, slli, 0x8000000000000000, 1, 63
        TEST_RI 33, srli, 0xf, -1, 60
        TEST_RI 34, srai, 0xf800000000000000, 0x8000000000000000, 4

        /* 32-bit shifts use the low 5 bits and sign-extend the result */
        TEST_RR 35, sllw, 0xffffffff80000000, 1, 31
        TEST_RR 36, sllw, 1, 1, 32
        TEST_RR 37, srlw, 1, 0xffffffff80000000, 31
        TEST_RR 38, srlw, 0xffffffff80000000, 0x80000000, 0
        TEST_RR 39, sraw, -1, 0x80000000, 31
        TEST_RR 40, sraw, 0x3fffffff, 0x123456787fffffff, 1
        TEST_RI 41, slliw, 0xffffffff80000000, 1, 31
        TEST_RI 42, srliw, 0x7fffffff, -1, 1
        TEST_RI 43, sraiw, 0xffffffffc0000000, 0x80000000, 1
        TEST_RI 44, srliw, 0xffffffff80000000, 0x80000000, 0

        /* signed and unsigned comparisons */
        TEST_RR 45, slt,   1, -1, 1
        TEST_RR 46, slt,   0, 1, -1
        TEST_RR 47, sltu,  0, -1, 1
        TEST_RR 48, sltu,  1, 1, -1
        TEST_RI 49, slti,  1, -1, 0
        TEST_RI 50, slti,  0, 0, -1
        TEST_RI 51, sltiu, 1, 0, -1
        TEST_RI 52, sltiu, 0, 5, 5
        TEST_RR 53, slt,   0, 7, 7

        /* lui sign-extends bit 31; auipc adds to its own address */
        CASE 54
        lui a0, 0x80000
        EXPECT a0, 0xffffffff80000000
        CASE 55
        lui a0, 0x7ffff
        EXPECT a0, 0x7ffff000
        CASE 56
1:      auipc a0, 1
        lla a1, 1b
        sub a0, a0, a1
        EXPECT a0, 0x1000
        CASE 57
2:      auipc a0, 0x80000
        lla a1, 2b
        sub a0, a0, a1
        EXPECT a0, 0xffffffff80000000

        /* writes to x0 are discarded; rd may equal a source */
        CASE 58
        li a1, 5
        add x0, a1, a1
        addi x0, x0, 1
        lui x0, 1
        EXPECT x0, 0
        CASE 59
        li a1, 21
        add a1, a1, a1
        EXPECT a1, 42
        CASE 60
        li a1, 3
        sub a1, x0, a1
        EXPECT a1, -3

        /* HINTs (writes to x0, and pause, which Linux's cpu_relax uses) run
           as no-ops */
        li a0, 77
        EXPECT_NO_TRAP 61, addi x0, a0, 5
        EXPECT_NO_TRAP 62, lui x0, 5
        EXPECT_NO_TRAP 63, .word 0x0100000f     /* pause: fence w, 0 */
        EXPECT a0, 77

        j pass
