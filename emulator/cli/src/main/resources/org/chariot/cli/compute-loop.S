/*
 * The compute-loop benchmark: 200 M iterations of a 4-instruction loop (800 M instructions of
 * integer work, no memory access), then exit code 0 through the HTIF tohost word. Runs the same
 * on `chariot elf` and on QEMU's spike machine.
 */
        .section .text.init, "ax", @progbits
        .globl _start
_start:
        li      t0, 200000000
        li      t1, 0
1:      addi    t1, t1, 3
        xor     t2, t1, t0
        addi    t0, t0, -1
        bnez    t0, 1b
        li      t0, 1
        la      t1, tohost
        sd      t0, 0(t1)
2:      j       2b

        .section .tohost, "aw", @progbits
        .align  3
        .globl  tohost
tohost: .dword  0
        .size   tohost, 8
        .globl  fromhost
fromhost: .dword 0
        .size   fromhost, 8
