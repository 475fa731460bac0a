package org.chariot.emulator.symbols;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Reading well-formed files, and a clear message (never an index error) for damaged ones. */
class ElfFileTest {

    private static final byte[] CODE = {0x13, 0x05, 0x10, 0x00, (byte) 0x82, (byte) 0x80};

    private static byte[] sample() {
        TestElf elf = new TestElf();
        int text = elf.section(".text", 0x6, CODE);
        elf.function("probe", text, 0, CODE.length);
        return elf.write();
    }

    @Test
    void readsSectionsSymbolsAndContents() throws Exception {
        ElfFile elf = ElfFile.parse("sample.ko", sample());
        ElfSection text = elf.section(".text").orElseThrow();
        assertTrue(elf.isRelocatable());
        assertTrue(text.isExecutable());
        assertArrayEquals(CODE, elf.contents(text));
        ElfSymbol probe = elf.symbols().stream().filter(s -> s.name().equals("probe")).findFirst().orElseThrow();
        assertEquals(text.index(), probe.sectionIndex());
        assertTrue(probe.isFunction());
        assertEquals(CODE.length, probe.size());
    }

    @Test
    void truncatedFileSaysItIsShorterThanAHeader() {
        assertMalformed(Arrays.copyOf(sample(), 40), "shorter than an ELF header");
    }

    @Test
    void fileCutBeforeItsSectionHeadersSaysTheyLieOutsideTheFile() {
        byte[] bytes = sample();
        assertMalformed(Arrays.copyOf(bytes, bytes.length - 100), "section header table");
    }

    @Test
    void notAnElfFileSaysTheMagicIsMissing() {
        byte[] bytes = sample();
        bytes[1] = 'X';
        assertMalformed(bytes, "ELF magic");
    }

    @Test
    void thirtyTwoBitFileIsRejectedByClass() {
        byte[] bytes = sample();
        bytes[TestElf.CLASS] = 1;
        assertMalformed(bytes, "ELF class (byte 4) is 1, expected 2 (64-bit)");
    }

    @Test
    void bigEndianFileIsRejectedByDataEncoding() {
        byte[] bytes = sample();
        bytes[TestElf.DATA] = 2;
        assertMalformed(bytes, "data encoding (byte 5) is 2");
    }

    @Test
    void otherMachineIsRejected() {
        byte[] bytes = sample();
        little(bytes).putShort(TestElf.MACHINE, (short) 62);
        assertMalformed(bytes, "machine (e_machine) is 62, expected 243 (RISC-V)");
    }

    @Test
    void sectionContentsBeyondTheEndOfTheFileAreNamed() {
        byte[] bytes = sample();
        int textHeader = sectionHeader(bytes, 1);
        little(bytes).putLong(textHeader + 24, bytes.length - 2);
        assertMalformed(bytes, "section 1 (.text) (offset " + (bytes.length - 2) + ", 6 bytes) lies outside the file");
    }

    @Test
    void hugeSectionOffsetDoesNotOverflow() {
        byte[] bytes = sample();
        little(bytes).putLong(sectionHeader(bytes, 1) + 24, Long.MAX_VALUE - 2);
        assertMalformed(bytes, "section 1 (.text)");
    }

    @Test
    void sectionNameOutsideItsStringTableIsNamed() {
        byte[] bytes = sample();
        little(bytes).putInt(sectionHeader(bytes, 1), 100_000);
        assertMalformed(bytes, "section 1's name starts at string index 100000, beyond its string table");
    }

    @Test
    void sectionHeaderTableOffsetOutsideTheFileIsNamed() {
        byte[] bytes = sample();
        little(bytes).putLong(TestElf.SECTION_HEADERS, bytes.length + 8L);
        assertMalformed(bytes, "the section header table");
    }

    @Test
    void symbolInAMissingSectionIsNamed() {
        byte[] bytes = sample();
        ElfSection symtab = parsed(sample()).section(".symtab").orElseThrow();
        little(bytes).putShort((int) symtab.fileOffset() + 24 + 6, (short) 40);
        assertMalformed(bytes, "symbol 1 (probe) is in section 40, which does not exist");
    }

    private static ElfFile parsed(byte[] bytes) {
        try {
            return ElfFile.parse("sample.ko", bytes);
        } catch (MalformedElfException e) {
            throw new AssertionError(e);
        }
    }

    private static int sectionHeader(byte[] bytes, int index) {
        return (int) little(bytes).getLong(TestElf.SECTION_HEADERS) + 64 * index;
    }

    private static ByteBuffer little(byte[] bytes) {
        return ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    }

    private static void assertMalformed(byte[] bytes, String expected) {
        MalformedElfException e = assertThrows(MalformedElfException.class, () -> ElfFile.parse("broken.ko", bytes));
        assertTrue(e.getMessage().startsWith("broken.ko is not a valid RISC-V ELF64 file: "), e.getMessage());
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }
}
