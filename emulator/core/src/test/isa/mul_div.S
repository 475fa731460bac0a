/*
 * RV64M: multiplication (low and high halves, every signedness), division
 * and remainder including division by zero and signed overflow, whose
 * results the specification defines, and the W forms.
 */
#include "test.h"

        .text
        .globl test_main
test_main:
        /* low 64 bits of the product */
        TEST_RR  1, mul,    21, 3, 7
        TEST_RR  2, mul,    1, -1, -1
        TEST_RR  3, mul,    0xfffffffffffffffe, 0x7fffffffffffffff, 2
        TEST_RR  4, mul,    0x8000000000000000, 0x8000000000000000, -1

        /* high 64 bits: the three signedness pairs differ on -2 * 2^63 */
        TEST_RR  5, mulh,   1, -2, 0x8000000000000000
        TEST_RR  6, mulhsu, -1, -2, 0x8000000000000000
        TEST_RR  7, mulhu,  0x7fffffffffffffff, -2, 0x8000000000000000
        TEST_RR  8, mulh,   0, -1, -1
        TEST_RR  9, mulh,   0x4000000000000000, 0x8000000000000000, 0x8000000000000000
        TEST_RR 10, mulh,   0x3fffffffffffffff, 0x7fffffffffffffff, 0x7fffffffffffffff
        TEST_RR 11, mulh,   -1, -1, 1
        TEST_RR 12, mulhu,  0xfffffffffffffffe, -1, -1
        TEST_RR 13, mulhu,  1, 0x8000000000000000, 2
        TEST_RR 14, mulhsu, -1, -1, -1
        TEST_RR 15, mulhsu, 1, 2, -1
        TEST_RR 16, mulhsu, 0x8000000000000000, 0x8000000000000000, -1
        TEST_RR 17, mulhu,  0xfd5bdeeeb2a01d, 0xdeadbeefcafebabe, 0x0123456789abcdef

        /* mulw: low 32 bits of the operands, sign-extended 32-bit result */
        TEST_RR 18, mulw,   -2, 0x7fffffff, 2
        TEST_RR 19, mulw,   1, 0x100000001, 0x100000001
        TEST_RR 20, mulw,   0, 0x10000, 0x10000
        TEST_RR 21, mulw,   0xffffffff80000000, 0x40000000, 2

        /* signed division truncates toward zero */
        TEST_RR 22, div,    3, 20, 6
        TEST_RR 23, div,    -3, -20, 6
        TEST_RR 24, div,    -3, 20, -6
        TEST_RR 25, div,    3, -20, -6
        TEST_RR 26, div,    -1, 12345, 0
        TEST_RR 27, div,    0x8000000000000000, 0x8000000000000000, -1
        TEST_RR 28, divu,   0x7fffffffffffffff, -1, 2
        TEST_RR 29, divu,   -1, 12345, 0
        TEST_RR 30, divu,   0, 5, -1

        /* the remainder has the sign of the dividend */
        TEST_RR 31, rem,    -2, -20, 6
        TEST_RR 32, rem,    2, 20, -6
        TEST_RR 33, rem,    -2, -20, -6
        TEST_RR 34, rem,    -12345, -12345, 0
        TEST_RR 35, rem,    0, 0x8000000000000000, -1
        TEST_RR 36, remu,   5, -1, 10
        TEST_RR 37, remu,   -12345, -12345, 0
        TEST_RR 38, remu,   5, 5, -1

        /* W forms: 32-bit operands, sign-extended 32-bit results */
        TEST_RR 39, divw,   0xffffffff80000000, 0xffffffff80000000, -1
        TEST_RR 40, divw,   3, 0x123456780000000a, 3
        TEST_RR 41, divw,   -1, 7, 0
        TEST_RR 42, divw,   -3, -20, 0x1000000006
        TEST_RR 43, divuw,  0x7fffffff, 0xffffffff, 2
        TEST_RR 44, divuw,  0xffffffff80000000, 0x80000000, 1
        TEST_RR 45, divuw,  -1, 7, 0
        TEST_RR 46, remw,   -2, -20, 6
        TEST_RR 47, remw,   0xffffffff80000001, 0x80000001, 0
        TEST_RR 48, remw,   0, 0x80000000, -1
        TEST_RR 49, remuw,  5, 0xffffffff, 10
        TEST_RR 50, remuw,  0xffffffff80000000, 0x180000000, 0
        TEST_RR 51, remuw,  1, 0x100000007, 3

        /* a result written to x0 is discarded; rd may alias an operand */
        CASE 52
        li a1, 7
        li a2, 0
        div x0, a1, a2
        EXPECT x0, 0
        CASE 53
        li a1, 9
        mul a1, a1, a1
        EXPECT a1, 81

        j pass
