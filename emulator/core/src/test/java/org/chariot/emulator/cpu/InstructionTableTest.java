package org.chariot.emulator.cpu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.chariot.emulator.mmu.MemoryFault;
import org.junit.jupiter.api.Test;

class InstructionTableTest {

    private final InstructionTable table = InstructionTable.standard();
    private final Decoder decoder = new Decoder(table);

    @Test
    void noTwoEncodingsOverlap() {
        List<String> overlaps = new ArrayList<>();
        List<Encoding> encodings = table.encodings();
        for (int i = 0; i < encodings.size(); i++) {
            for (int j = i + 1; j < encodings.size(); j++) {
                if (encodings.get(i).overlaps(encodings.get(j))) {
                    overlaps.add(encodings.get(i).mnemonic() + " / " + encodings.get(j).mnemonic());
                }
            }
        }
        assertEquals(List.of(), overlaps);
    }

    @Test
    void overlapCheckSeesOverlapsThatNoConstraintSeparates() {
        InstructionTable overlapping = InstructionTable.parse("""
                format I rd=rd rs1=rs1 imm=i_imm
                addi   ....... ..... ..... 000 ..... 0010011  I
                slti   0000000 ..... ..... 000 ..... 0010011  I
                c.jr   100 0 ..... 00000 10  jalr rd=0 rs1=rd imm=0  rd!=0
                c.mv   100 0 ..... ..... 10  add  rd=rd rs1=0 rs2=c_rs2
                """);
        List<Encoding> e = overlapping.encodings();
        assertTrue(e.get(0).overlaps(e.get(1)));
        assertTrue(e.get(2).overlaps(e.get(3)), "c.mv lacks c_rs2!=0, so c.jr's encodings are also c.mv's");
    }

    @Test
    void everyOpcodeHasAnImplementation() {
        TestMachine machine = new TestMachine();
        Set<Opcode> missing = EnumSet.noneOf(Opcode.class);
        for (Opcode op : Opcode.values()) {
            machine.hart.setPc(TestMachine.RAM_BASE);
            machine.hart.setX(1, TestMachine.RAM_BASE + 64);
            try {
                Executor.execute(machine.hart, new Decoded(op, 2, 1, 1, 0, 0, 0, 4, 0));
            } catch (IllegalStateException e) {
                missing.add(op);
            } catch (Trap | MemoryFault e) {
                // A trap is an implementation too (ecall, ebreak, illegal).
            }
        }
        assertEquals(Set.of(), missing);
    }

    @Test
    void everyTableLineExecutesAnOpcodeAndEveryOpcodeIsInTheTable() {
        Set<Opcode> inTable = EnumSet.noneOf(Opcode.class);
        table.encodings().forEach(e -> inTable.add(e.opcode()));
        Set<Opcode> expected = EnumSet.allOf(Opcode.class);
        expected.remove(Opcode.ILLEGAL);
        assertEquals(expected, inTable);
    }

    @Test
    void decodesRealAssemblerOutputIncludingCompressedForms() {
        byte[] code = Assembler.assemble("""
                addi a0, a1, -5
                c.addi4spn s0, sp, 16
                c.lwsp a5, 12(sp)
                c.beqz a4, .+6
                c.ebreak
                c.srai s1, 3
                amoadd.d.aqrl t0, t1, (t2)
                csrrwi a0, sstatus, 7
                lui a0, 0xfffff
                """, TestMachine.RAM_BASE);
        List<Decoded> decoded = decodeAll(code);
        assertEquals("ADDI rd=x10 rs1=x11 rs2=x0 imm=-5", operands(decoded.get(0)));
        assertEquals("ADDI rd=x8 rs1=x2 rs2=x0 imm=16", operands(decoded.get(1)));
        assertEquals("LW rd=x15 rs1=x2 rs2=x0 imm=12", operands(decoded.get(2)));
        assertEquals("BEQ rd=x0 rs1=x14 rs2=x0 imm=6", operands(decoded.get(3)));
        assertEquals(Opcode.EBREAK, decoded.get(4).op);
        assertEquals("SRAI rd=x9 rs1=x9 rs2=x0 imm=3", operands(decoded.get(5)));
        assertEquals("AMOADD_D rd=x5 rs1=x7 rs2=x6 imm=0", operands(decoded.get(6)));
        assertEquals("CSRRWI rd=x10 rs1=x0 rs2=x0 imm=0", operands(decoded.get(7)));
        assertEquals(Csr.SSTATUS, decoded.get(7).csr(), "the CSR number is its own operand");
        assertEquals(7, decoded.get(7).uimm(), "and so is the 5-bit immediate");
        assertEquals("LUI rd=x10 rs1=x0 rs2=x0 imm=-4096", operands(decoded.get(8)));
    }

    @Test
    void codeOutsideTheHartDecodesWithTheSameTable() {
        Decoded sdsp = Decoded.of(0xe406); // c.sdsp ra,8(sp)
        assertEquals(Opcode.SD, sdsp.opcode());
        assertEquals("sd", sdsp.opcode().mnemonic());
        assertEquals(List.of(2, 1, 8L, 2), List.of(sdsp.rs1(), sdsp.rs2(), sdsp.imm(), sdsp.length()));
        assertEquals(Opcode.AMOADD_W, Decoded.of(0x00b5202f).opcode());
        assertEquals("amoadd.w", Decoded.of(0x00b5202f).opcode().mnemonic());
        assertEquals(Opcode.SD, Decoded.of(0xabcd_e406).opcode(), "the bits above a compressed instruction are not part of it");
    }

    @Test
    void reservedAndUnknownEncodingsAreIllegal() {
        assertEquals(Opcode.ILLEGAL, decoder.decodeUncached(0x0000).op, "all-zero halfword is c.addi4spn with imm 0: reserved");
        assertEquals(Opcode.ILLEGAL, decoder.decodeUncached(0x6001).op, "c.lui with imm 0 is reserved");
        assertEquals(Opcode.ILLEGAL, decoder.decodeUncached(0xffff_ffff).op);
        assertEquals(Opcode.ILLEGAL, decoder.decodeUncached(0x0000_0053).op, "floating point is not implemented");
    }

    @Test
    void cachedDecodeIsCheckedAgainstTheBitsFetched() {
        Decoded first = decoder.decode(0x8000_0000L, 0x00b50533);
        assertTrue(first == decoder.decode(0x8000_0000L, 0x00b50533), "the same bits at the same pc come from the cache");
        assertEquals(Opcode.SUB, decoder.decode(0x8000_0000L, 0x40b50533).op, "patched bits decode anew");
    }

    @Test
    void badTableLinesAreReportedWithTheirLineNumber() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> InstructionTable.parse("add 0000000 ..... ..... 000 ..... 011001  R\n"));
        assertTrue(e.getMessage().contains("line 1"), e.getMessage());
    }

    private List<Decoded> decodeAll(byte[] code) {
        List<Decoded> result = new ArrayList<>();
        int offset = 0;
        while (offset < code.length) {
            int low = (code[offset] & 0xff) | (code[offset + 1] & 0xff) << 8;
            int bits = low;
            if ((low & 3) == 3) {
                bits |= ((code[offset + 2] & 0xff) | (code[offset + 3] & 0xff) << 8) << 16;
            }
            Decoded d = decoder.decode(offset, bits);
            result.add(d);
            offset += d.length;
        }
        return result;
    }

    private static String operands(Decoded d) {
        return String.format("%s rd=x%d rs1=x%d rs2=x%d imm=%d", d.op, d.rd, d.rs1, d.rs2, d.imm);
    }
}
