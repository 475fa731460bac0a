package org.chariot.emulator.symbols;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Debug-section relocations resolve to section-relative addresses and plain label differences. */
class RelocationsTest {

    private static final int R_RISCV_32 = 1, R_RISCV_64 = 2, R_RISCV_ADD16 = 34, R_RISCV_SUB16 = 38,
            R_RISCV_SUB6 = 52, R_RISCV_SET6 = 53, R_RISCV_SET_ULEB128 = 60, R_RISCV_SUB_ULEB128 = 61,
            R_RISCV_32_PCREL = 57;

    private TestElf elf;
    private int text;
    private int initText;
    private int debug;
    private int start;
    private int end;
    private int init;

    @BeforeEach
    void sections() {
        elf = new TestElf();
        text = elf.section(".text", 0x6, new byte[0x100]);
        initText = elf.section(".init.text", 0x6, new byte[0x20]);
        byte[] debugBytes = new byte[24];
        debugBytes[14] = 0x40;
        debugBytes[15] = (byte) 0x80;
        debug = elf.section(".debug_line", 0, debugBytes);
        start = elf.function("start", text, 0x10, 0x90);
        end = elf.function("end", text, 0xa0, 0);
        init = elf.function("init_fn", initText, 0x4, 0x1c);
    }

    private RelocatedSection relocated() throws MalformedElfException {
        ElfFile file = ElfFile.parse("relocs.ko", elf.write());
        return Relocations.apply(file, file.section(".debug_line").orElseThrow());
    }

    @Test
    void addressesBecomeOffsetsInTheSymbolsOwnSection() throws Exception {
        elf.relocate(debug, 0, R_RISCV_64, init, 2);
        elf.relocate(debug, 8, R_RISCV_32, end, 0);
        RelocatedSection section = relocated();
        ByteBuffer bytes = ByteBuffer.wrap(section.bytes()).order(ByteOrder.LITTLE_ENDIAN);
        assertEquals(0x6, bytes.getLong(0));
        assertEquals(initText, section.sectionReferencedAt(0));
        assertEquals(0xa0, bytes.getInt(8));
        assertEquals(text, section.sectionReferencedAt(8));
        assertEquals(SectionAddress.NO_SECTION, section.sectionReferencedAt(16));
    }

    @Test
    void labelDifferencePairsLeaveTheDistance() throws Exception {
        elf.relocate(debug, 12, R_RISCV_ADD16, end, 0);
        elf.relocate(debug, 12, R_RISCV_SUB16, start, 0);
        elf.relocate(debug, 14, R_RISCV_SET6, end, 0);
        elf.relocate(debug, 14, R_RISCV_SUB6, start, 0x80);
        elf.relocate(debug, 15, R_RISCV_SET_ULEB128, end, 0);
        elf.relocate(debug, 15, R_RISCV_SUB_ULEB128, start, 0);
        byte[] bytes = relocated().bytes();
        assertEquals(0x90, (bytes[12] & 0xff) | (bytes[13] & 0xff) << 8);
        assertEquals(0x40 | (0x10 & 0x3f), bytes[14] & 0xff, "the top two bits (the CFA opcode) are kept");
        assertEquals(0x90, bytes[15] & 0xff, "low seven bits of 0x90 with the continuation bit");
        assertEquals(0x01, bytes[16] & 0xff, "the ULEB128 keeps its two bytes");
    }

    @Test
    void unsupportedTypeIsNamed() {
        elf.relocate(debug, 0, R_RISCV_32_PCREL, start, 0);
        MalformedElfException e = assertThrows(MalformedElfException.class, this::relocated);
        assertTrue(e.getMessage().contains(".rela.debug_line uses relocation type 57"), e.getMessage());
    }

    @Test
    void patchOutsideTheSectionIsNamed() {
        elf.relocate(debug, 20, R_RISCV_64, start, 0);
        MalformedElfException e = assertThrows(MalformedElfException.class, this::relocated);
        assertTrue(e.getMessage().contains("patches offset 20, outside .debug_line (24 bytes)"), e.getMessage());
    }

    @Test
    void symbolBeyondTheSymbolTableIsNamed() {
        elf.relocate(debug, 0, R_RISCV_64, 99, 0);
        MalformedElfException e = assertThrows(MalformedElfException.class, this::relocated);
        assertTrue(e.getMessage().contains("refers to symbol 99, beyond the 4 symbols"), e.getMessage());
    }
}
