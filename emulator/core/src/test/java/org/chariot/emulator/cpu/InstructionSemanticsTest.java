package org.chariot.emulator.cpu;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Instructions run on a small machine from real assembler output; results checked in registers and memory. */
class InstructionSemanticsTest {

    private static final int A0 = 10, A1 = 11, A2 = 12, A3 = 13, A4 = 14, A5 = 15, A6 = 16, A7 = 17;
    private static final int S2 = 18, S3 = 19, S4 = 20, S5 = 21;

    private final TestMachine machine = new TestMachine();

    @Test
    void integerArithmeticShiftsAndComparisons() {
        machine.load("""
                li   t0, -7
                li   t1, 3
                add  a0, t0, t1
                sub  a1, t0, t1
                sra  a2, t0, t1
                srl  a3, t0, t1
                sltu a4, t1, t0
                slt  a5, t1, t0
                addiw a6, t0, 0x7ff
                li   t2, 0x7fffffff
                addw a7, t2, t1
                """).runToEnd();
        assertEquals(-4, machine.x(A0));
        assertEquals(-10, machine.x(A1));
        assertEquals(-1, machine.x(A2));
        assertEquals(-7L >>> 3, machine.x(A3));
        assertEquals(1, machine.x(A4));
        assertEquals(0, machine.x(A5));
        assertEquals(2040, machine.x(A6));
        assertEquals((long) (0x7fffffff + 3), machine.x(A7), "addw wraps and sign-extends");
    }

    @Test
    void writesToX0AreIgnored() {
        machine.load("""
                li   t0, 5
                add  zero, t0, t0
                c.li zero, 3
                mv   a0, zero
                """).runToEnd();
        assertEquals(0, machine.x(0));
        assertEquals(0, machine.x(A0));
    }

    @Test
    void multiplyAndDivideIncludingTheSpecialCases() {
        machine.load("""
                li    t0, -3
                li    t1, 5
                mulh  a0, t0, t1
                mulhu a1, t0, t1
                mulhsu a2, t0, t1
                li    t2, 0
                div   a3, t1, t2
                rem   a4, t1, t2
                li    t3, -1
                slli  t4, t3, 63
                div   a5, t4, t3
                divuw a6, t0, t1
                remw  a7, t0, t1
                """).runToEnd();
        assertEquals(-1, machine.x(A0));
        assertEquals(4, machine.x(A1), "(2^64 - 3) * 5 >> 64");
        assertEquals(-1, machine.x(A2));
        assertEquals(-1, machine.x(A3), "division by zero gives all ones");
        assertEquals(5, machine.x(A4), "remainder by zero gives the dividend");
        assertEquals(Long.MIN_VALUE, machine.x(A5), "overflow gives the dividend");
        assertEquals(Integer.divideUnsigned(-3, 5), machine.x(A6));
        assertEquals(-3, machine.x(A7));
    }

    @Test
    void loadsAndStoresSignAndZeroExtendAndMayBeMisaligned() {
        machine.load("""
                la   s0, data
                li   t0, 0x8899aabbccddeeff
                sd   t0, 0(s0)
                lb   a0, 0(s0)
                lbu  a1, 0(s0)
                lh   a2, 2(s0)
                lwu  a3, 4(s0)
                lw   a4, 4(s0)
                ld   a5, 1(s0)
                sw   t0, 13(s0)
                ld   a6, 8(s0)
                j    over
                .balign 8
                data: .dword 0, 0, 0
                over:
                """).runToEnd();
        assertEquals(-1, machine.x(A0));
        assertEquals(0xff, machine.x(A1));
        assertEquals((short) 0xccdd, machine.x(A2));
        assertEquals(0x8899aabbL, machine.x(A3));
        assertEquals((int) 0x8899aabbL, machine.x(A4));
        assertEquals(0x008899aabbccddeeL, machine.x(A5), "misaligned doubleword load");
        assertEquals(0xddeeff00_0000_0000L, machine.x(A6), "misaligned word store at offset 13");
    }

    @Test
    void branchesJumpsAndCompressedControlFlow() {
        machine.load("""
                li   a0, 0
                li   t0, 10
                loop:
                addi a0, a0, 3
                addi t0, t0, -1
                bnez t0, loop
                call twice
                j    out
                twice:
                add  a0, a0, a0
                ret
                out:
                auipc a1, 0
                """).runToEnd();
        assertEquals(60, machine.x(A0));
        assertEquals(machine.program.symbol("out"), machine.x(A1));
    }

    @Test
    void atomicsAndLoadReservedStoreConditional() {
        machine.load("""
                la   s0, word
                li   t0, 5
                amoadd.w a0, t0, (s0)
                li   t0, -8
                amomin.w a1, t0, (s0)
                amomaxu.w a2, t0, (s0)
                lw   a3, 0(s0)
                lr.d a4, (s1)
                sc.d a5, t0, (s1)
                sc.d a6, t0, (s1)
                ld   a7, 0(s1)
                j over
                .balign 8
                word: .word 0x7ffffffe, 0
                dword: .dword 42
                over:
                """.replace("lr.d a4, (s1)", "la s1, dword\nlr.d a4, (s1)")).runToEnd();
        assertEquals(0x7ffffffe, machine.x(A0));
        assertEquals((int) (0x7ffffffeL + 5), machine.x(A1), "amoadd.w wrapped to a negative word");
        assertEquals((int) (0x7ffffffeL + 5), machine.x(A2), "amomin.w kept the more negative word");
        assertEquals(-8, machine.x(A3), "unsigned max of 0xfffffff8 and 0x80000003");
        assertEquals(42, machine.x(A4));
        assertEquals(0, machine.x(A5), "sc after lr succeeds");
        assertEquals(1, machine.x(A6), "a second sc fails");
        assertEquals(-8, machine.x(A7));
    }

    @Test
    void csrInstructionsReadModifyWrite() {
        machine.load("""
                li    t0, 0x1234
                csrw  mscratch, t0
                csrrsi a0, mscratch, 3
                csrrc  a1, mscratch, t0
                csrr   a2, mscratch
                csrr   a3, misa
                csrr   a4, mhartid
                """).runToEnd();
        assertEquals(0x1234, machine.x(A0));
        assertEquals(0x1237, machine.x(A1));
        assertEquals(3, machine.x(A2));
        assertEquals((2L << 62) | 0x141105, machine.x(A3), "RV64 ACIMSU");
        assertEquals(0, machine.x(A4));
    }

    @Test
    void selfModifyingCodeRunsTheNewInstructions() {
        machine.load("""
                la   s0, patched
                li   a0, 0
                li   s2, 2
                again:
                .option push
                .option norvc
                patched:
                addi a0, a0, 1
                .option pop
                addi s2, s2, -1
                beqz s2, out
                li   t0, 0x06450513
                sw   t0, 0(s0)
                fence.i
                j    again
                out:
                """).runToEnd();
        assertEquals(1 + 100, machine.x(A0), "the second pass ran the patched addi a0, a0, 100");
    }
}
