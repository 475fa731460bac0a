/*
 * RV64I loads and stores of every width: sign and zero extension, offsets,
 * byte lanes, and misaligned accesses (performed, or trapped with one of
 * the causes the specification allows).
 */
#include "test.h"

/* Case n: `load` at offset off of `bytes` gives expected. */
.macro LOAD n, load, off, expected
        CASE \n
        lla a1, bytes
        \load a0, \off(a1)
        EXPECT a0, \expected
.endm

/* Case n: `store` of value at offset off of a zeroed `scratch` leaves
   the two doublewords lo and hi. */
.macro STORE n, store, off, value, lo, hi
        CASE \n
        call clear_scratch
        li a2, \value
        \store a2, \off(a1)
        ld a0, 0(a1)
        EXPECT a0, \lo
        ld a0, 8(a1)
        EXPECT a0, \hi
.endm

/* A misaligned load either gives the right value or traps with a
   load-address-misaligned or load-access-fault (tval: the address or 0). */
.macro MISALIGNED_LOAD n, load, off, expected
        CASE \n
        lla a1, bytes
        ARM_TRAP trapped\@
        \load a0, \off(a1)
        DISARM_TRAP
        EXPECT a0, \expected
        j done\@
trapped\@:
        addi a2, a1, \off
        li a3, CAUSE_MISALIGNED_LOAD
        li a4, CAUSE_LOAD_ACCESS
        call check_misaligned_trap
done\@:
.endm

/* A misaligned store either lands or traps with a store-address-misaligned
   or store-access-fault. */
.macro MISALIGNED_STORE n, store, off, value, lo, hi
        CASE \n
        call clear_scratch
        li a2, \value
        ARM_TRAP trapped\@
        \store a2, \off(a1)
        DISARM_TRAP
        ld a0, 0(a1)
        EXPECT a0, \lo
        ld a0, 8(a1)
        EXPECT a0, \hi
        j done\@
trapped\@:
        addi a2, a1, \off
        li a3, CAUSE_MISALIGNED_STORE
        li a4, CAUSE_STORE_ACCESS
        call check_misaligned_trap
done\@:
.endm

        .text
        .globl test_main
test_main:
        /* naturally aligned loads */
        LOAD  1, lb,  0, 0xffffffffffffff81
        LOAD  2, lbu, 0, 0x81
        LOAD  3, lb,  1, 0x2
        LOAD  4, lh,  2, 0x483
        LOAD  5, lh,  4, 0xffffffffffff8685
        LOAD  6, lhu, 4, 0x8685
        LOAD  7, lw,  0, 0x4830281
        LOAD  8, lw,  4, 0xffffffff88078685
        LOAD  9, lwu, 4, 0x88078685
        LOAD 10, ld,  0, 0x8807868504830281
        LOAD 11, ld,  8, 0x900f8e0d8c0b8a09
        CASE 12
        lla a1, bytes + 16
        lb a0, -16(a1)
        EXPECT a0, 0xffffffffffffff81
        CASE 13
        lla a1, bytes + 8 - 2040
        ld a0, 2040(a1)
        EXPECT a0, 0x900f8e0d8c0b8a09

        /* aligned stores write exactly their bytes */
        STORE 14, sb, 3,  0x1ff, 0xff000000, 0
        STORE 15, sh, 2,  0x12345, 0x23450000, 0
        STORE 16, sw, 4,  0x123456789abcdef0, 0x9abcdef000000000, 0
        STORE 17, sd, 8,  0x123456789abcdef0, 0, 0x123456789abcdef0
        STORE 18, sb, 15, 0x80, 0, 0x8000000000000000
        CASE 19
        call clear_scratch
        li a2, -1
        sd a2, 0(a1)
        sb zero, 7(a1)
        sh zero, 0(a1)
        ld a0, 0(a1)
        EXPECT a0, 0x00ffffffffff0000
        CASE 20
        call clear_scratch
        li a2, 0x55aa
        addi a3, a1, 16
        sh a2, -6(a3)
        lhu a0, 10(a1)
        EXPECT a0, 0x55aa

        /* the base register may also be the destination */
        CASE 21
        lla a1, bytes
        ld a1, 8(a1)
        EXPECT a1, 0x900f8e0d8c0b8a09

        /* a load into x0 is discarded */
        CASE 22
        lla a1, bytes
        ld x0, 0(a1)
        EXPECT x0, 0

        /* misaligned accesses */
        MISALIGNED_LOAD 23, lh,  1, 0xffffffffffff8302
        MISALIGNED_LOAD 24, lhu, 3, 0x8504
        MISALIGNED_LOAD 25, lw,  1, 0xffffffff85048302
        MISALIGNED_LOAD 26, lw,  6, 0xffffffff8a098807
        MISALIGNED_LOAD 27, lwu, 2, 0x86850483
        MISALIGNED_LOAD 28, ld,  1, 0x988078685048302
        MISALIGNED_LOAD 29, ld,  7, 0xf8e0d8c0b8a0988
        MISALIGNED_STORE 30, sh, 1, 0xbeef, 0xbeef00, 0
        MISALIGNED_STORE 31, sw, 3, 0x12345678, 0x0012345678000000, 0
        MISALIGNED_STORE 32, sd, 5, 0x1122334455667788, 0x6677880000000000, 0x1122334455

        j pass

/* a1 = scratch, both doublewords zero */
clear_scratch:
        lla a1, scratch
        sd zero, 0(a1)
        sd zero, 8(a1)
        ret

/* The recorded trap (t4, t5) must have cause a3 or a4 and tval a2 or 0. */
check_misaligned_trap:
        beq t4, a3, 1f
        beq t4, a4, 1f
        j fail
1:      beq t5, a2, 2f
        beqz t5, 2f
        j fail
2:      ret

        .data
        .align 3
bytes:
        .byte 0x81, 0x02, 0x83, 0x04, 0x85, 0x86, 0x07, 0x88
        .byte 0x09, 0x8a, 0x0b, 0x8c, 0x0d, 0x8e, 0x0f, 0x90
scratch:
        .skip 16
