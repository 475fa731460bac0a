package org.chariot.emulator.symbols;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A little-endian ELF64 RISC-V file, relocatable (a {@code .ko}) or executable ({@code vmlinux}, a bare-metal
 * program, a module relinked at its load addresses): its sections, their contents, its symbol table and, for an
 * executable, its entry point and loadable segments. Every offset, size and string index is checked against the
 * file when it is opened, so a damaged file fails here with a message saying what is wrong.
 */
public final class ElfFile {

    static final int ET_REL = 1, ET_EXEC = 2;
    private static final int EM_RISCV = 243, ELFCLASS64 = 2, ELFDATA2LSB = 1, EV_CURRENT = 1, PT_LOAD = 1;
    private static final int HEADER_SIZE = 64, SECTION_HEADER_SIZE = 64, PROGRAM_HEADER_SIZE = 56, SYMBOL_SIZE = 24;

    private final String source;
    private final ByteBuffer data;
    private final int type;
    private final List<ElfSection> sections;
    private final List<ElfSymbol> symbols;
    private final List<ElfSegment> segments;

    private ElfFile(String source, byte[] bytes) throws MalformedElfException {
        this.source = source;
        this.data = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        this.type = checkHeader();
        this.sections = readSections();
        this.symbols = readSymbols();
        this.segments = readSegments();
    }

    public static ElfFile read(Path path) throws IOException {
        return parse(path.toString(), Files.readAllBytes(path));
    }

    /** Parses {@code bytes}; {@code source} names them in error messages. */
    public static ElfFile parse(String source, byte[] bytes) throws MalformedElfException {
        return new ElfFile(source, bytes);
    }

    public String source() {
        return source;
    }

    /** Whether this is a relocatable object (a kernel module) rather than a linked executable. */
    public boolean isRelocatable() {
        return type == ET_REL;
    }

    public List<ElfSection> sections() {
        return sections;
    }

    public Optional<ElfSection> section(String name) {
        return sections.stream().filter(s -> s.name().equals(name)).findFirst();
    }

    /** The section with this header index; the index must exist. */
    public ElfSection section(int index) {
        return sections.get(index);
    }

    /** The entries of the symbol table ({@code .symtab}), index 0 (the null symbol) included. */
    public List<ElfSymbol> symbols() {
        return symbols;
    }

    /** The symbol table's entry named {@code name}, if there is one. */
    public Optional<ElfSymbol> symbol(String name) {
        return symbols.stream().filter(symbol -> symbol.name().equals(name)).findFirst();
    }

    /** Where an executable starts. */
    public long entry() {
        return data.getLong(24);
    }

    /** The loadable segments of an executable, in file order; none in a relocatable object. */
    public List<ElfSegment> segments() {
        return segments;
    }

    /** Copies a segment's file bytes into {@code target} at {@code offset}. */
    public void copy(ElfSegment segment, byte[] target, int offset) {
        data.get((int) segment.fileOffset(), target, offset, (int) segment.fileSize());
    }

    /** A copy of the section's bytes; a section without file contents (NOBITS, like {@code .bss}) has none. */
    public byte[] contents(ElfSection section) {
        if (!section.occupiesFile()) {
            return new byte[0];
        }
        byte[] bytes = new byte[(int) section.size()];
        data.get((int) section.fileOffset(), bytes);
        return bytes;
    }

    /** The RELA sections whose entries patch {@code target}. */
    public List<ElfSection> relocationSectionsFor(ElfSection target) {
        return sections.stream().filter(s -> s.isRelocationsFor(target)).toList();
    }

    MalformedElfException malformed(String what) {
        return new MalformedElfException(source + " is not a valid RISC-V ELF64 file: " + what + ". Rebuild it with "
                + "the RISC-V toolchain (a driver with the Chariot kit: make -C <kit> M=<driver dir> modules).");
    }

    private int checkHeader() throws MalformedElfException {
        if (data.capacity() < HEADER_SIZE) {
            throw malformed("it is " + data.capacity() + " bytes long, shorter than an ELF header (64 bytes): not an ELF file");
        }
        if (data.getInt(0) != 0x464c457f) {
            throw malformed("it is not an ELF file (no ELF magic: it does not start with the bytes 7f 45 4c 46)");
        }
        requireEqual(data.get(4), ELFCLASS64, "ELF class (byte 4)", "2 (64-bit); a 32-bit file is not a riscv64 one");
        requireEqual(data.get(5), ELFDATA2LSB, "data encoding (byte 5)", "1 (little-endian)");
        requireEqual(data.get(6), EV_CURRENT, "ELF version (byte 6)", "1");
        requireEqual(data.getShort(18), EM_RISCV, "machine (e_machine)", "243 (RISC-V): the file is for another "
                + "machine, not RISC-V");
        int fileType = data.getShort(16) & 0xffff;
        if (fileType != ET_REL && fileType != ET_EXEC) {
            throw malformed("its type is " + fileType + ", neither relocatable (1) nor executable (2)");
        }
        return fileType;
    }

    private void requireEqual(int actual, int expected, String field, String meaning) throws MalformedElfException {
        if (actual != expected) {
            throw malformed("its " + field + " is " + actual + ", expected " + meaning);
        }
    }

    private List<ElfSection> readSections() throws MalformedElfException {
        long headers = data.getLong(40);
        int headerSize = data.getShort(58) & 0xffff;
        int count = data.getShort(60) & 0xffff;
        int namesIndex = data.getShort(62) & 0xffff;
        if (count == 0) {
            throw malformed("it has no section headers (or uses extended section numbering, which is not supported)");
        }
        if (headerSize != SECTION_HEADER_SIZE) {
            throw malformed("its section header size is " + headerSize + ", expected 64");
        }
        requireInFile(headers, (long) count * SECTION_HEADER_SIZE, "the section header table");
        if (namesIndex >= count) {
            throw malformed("its section name table index " + namesIndex + " is not below the section count " + count);
        }
        long namesOffset = data.getLong((int) (headers + (long) namesIndex * SECTION_HEADER_SIZE) + 24);
        long namesSize = data.getLong((int) (headers + (long) namesIndex * SECTION_HEADER_SIZE) + 32);
        requireInFile(namesOffset, namesSize, "the section name table");
        List<ElfSection> result = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int at = (int) (headers + (long) i * SECTION_HEADER_SIZE);
            long nameIndex = data.getInt(at) & 0xffff_ffffL;
            String name = string(namesOffset, namesSize, nameIndex, "section " + i + "'s name");
            ElfSection section = new ElfSection(i, name, data.getInt(at + 4), data.getLong(at + 8),
                    data.getLong(at + 16), data.getLong(at + 24), data.getLong(at + 32), data.getInt(at + 40),
                    data.getInt(at + 44), data.getLong(at + 56));
            checkSection(section, count);
            result.add(section);
        }
        return List.copyOf(result);
    }

    private void checkSection(ElfSection section, int count) throws MalformedElfException {
        String what = "section " + section.index() + " (" + section.name() + ")";
        if (section.occupiesFile()) {
            requireInFile(section.fileOffset(), section.size(), what);
        }
        boolean linked = section.type() == ElfSection.SHT_SYMTAB || section.type() == ElfSection.SHT_RELA;
        if (linked && (section.link() < 0 || section.link() >= count)) {
            throw malformed(what + " links to section " + section.link() + ", which does not exist");
        }
        if (section.type() == ElfSection.SHT_RELA && (section.info() < 0 || section.info() >= count)) {
            throw malformed(what + " applies to section " + section.info() + ", which does not exist");
        }
    }

    private List<ElfSymbol> readSymbols() throws MalformedElfException {
        Optional<ElfSection> table = sections.stream().filter(s -> s.type() == ElfSection.SHT_SYMTAB).findFirst();
        if (table.isEmpty()) {
            return List.of();
        }
        ElfSection symtab = table.get();
        if (symtab.entrySize() != SYMBOL_SIZE || symtab.size() % SYMBOL_SIZE != 0) {
            throw malformed("its symbol table has entries of " + symtab.entrySize() + " bytes and size "
                    + symtab.size() + ", expected a multiple of 24-byte entries");
        }
        ElfSection names = sections.get(symtab.link());
        if (names.type() != ElfSection.SHT_STRTAB) {
            throw malformed("its symbol table names section " + names.index() + " (" + names.name()
                    + ") as its string table, which is not a string table");
        }
        int count = (int) (symtab.size() / SYMBOL_SIZE);
        List<ElfSymbol> result = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            result.add(readSymbol(symtab, names, i));
        }
        return List.copyOf(result);
    }

    private ElfSymbol readSymbol(ElfSection symtab, ElfSection names, int i) throws MalformedElfException {
        int at = (int) (symtab.fileOffset() + (long) i * SYMBOL_SIZE);
        String name = string(names.fileOffset(), names.size(), data.getInt(at) & 0xffff_ffffL, "symbol " + i + "'s name");
        int info = data.get(at + 4) & 0xff;
        int sectionIndex = data.getShort(at + 6) & 0xffff;
        ElfSymbol symbol = new ElfSymbol(name, data.getLong(at + 8), data.getLong(at + 16), info & 0xf, info >>> 4,
                sectionIndex);
        if (symbol.isInSection() && sectionIndex >= sections.size()) {
            throw malformed("symbol " + i + " (" + name + ") is in section " + sectionIndex + ", which does not exist");
        }
        return symbol;
    }

    private List<ElfSegment> readSegments() throws MalformedElfException {
        long table = data.getLong(32);
        int count = data.getShort(56) & 0xffff;
        if (count == 0) {
            return List.of();
        }
        int headerSize = data.getShort(54) & 0xffff;
        if (headerSize != PROGRAM_HEADER_SIZE) {
            throw malformed("its program header size is " + headerSize + ", expected 56");
        }
        requireInFile(table, (long) count * PROGRAM_HEADER_SIZE, "the program header table");
        List<ElfSegment> loadable = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int at = (int) (table + (long) i * PROGRAM_HEADER_SIZE);
            if (data.getInt(at) == PT_LOAD) {
                ElfSegment segment = new ElfSegment(data.getLong(at + 24), data.getLong(at + 8), data.getLong(at + 32),
                        data.getLong(at + 40));
                requireInFile(segment.fileOffset(), segment.fileSize(), "segment " + i);
                if (Long.compareUnsigned(segment.fileSize(), segment.memorySize()) > 0) {
                    throw malformed("segment " + i + " has more file bytes than memory bytes");
                }
                loadable.add(segment);
            }
        }
        return List.copyOf(loadable);
    }

    private void requireInFile(long offset, long size, String what) throws MalformedElfException {
        if (offset < 0 || size < 0 || offset > data.capacity() || size > data.capacity() - offset) {
            throw malformed(what + " (offset " + Long.toUnsignedString(offset) + ", " + Long.toUnsignedString(size)
                    + " bytes) lies outside the file of " + data.capacity() + " bytes: the file is truncated or damaged");
        }
    }

    private String string(long tableOffset, long tableSize, long index, String what) throws MalformedElfException {
        if (index >= tableSize) {
            throw malformed(what + " starts at string index " + index + ", beyond its string table of "
                    + tableSize + " bytes");
        }
        int start = (int) (tableOffset + index);
        int end = start;
        int limit = (int) (tableOffset + tableSize);
        while (end < limit && data.get(end) != 0) {
            end++;
        }
        if (end == limit) {
            throw malformed(what + " at string index " + index + " is not terminated inside its string table");
        }
        byte[] bytes = new byte[end - start];
        data.get(start, bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
