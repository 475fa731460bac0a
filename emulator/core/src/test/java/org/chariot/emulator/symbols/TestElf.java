package org.chariot.emulator.symbols;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes small ELF64 RISC-V relocatable files for tests: sections with given contents, a symbol
 * table and relocation sections. Section 0 is the null section; the symbol table, its strings and
 * the section names come last.
 */
final class TestElf {

    /** Offsets in the written file of the header fields and tables that the malformed-input tests damage. */
    static final int CLASS = 4, DATA = 5, MACHINE = 18, SECTION_HEADERS = 40, SECTION_COUNT = 60;

    private record Section(String name, int type, long flags, byte[] contents, int link, int info, long entrySize) {
    }

    private record Symbol(String name, long value, long size, int info, int section) {
    }

    private record Relocation(int section, long offset, int type, int symbol, long addend) {
    }

    private final List<Section> sections = new ArrayList<>();
    private final List<Symbol> symbols = new ArrayList<>(List.of(new Symbol("", 0, 0, 0, 0)));
    private final List<Relocation> relocations = new ArrayList<>();

    /** Adds a section and returns its index. */
    int section(String name, long flags, byte[] contents) {
        sections.add(new Section(name, 1, flags, contents, 0, 0, 0));
        return sections.size();
    }

    /** Adds a function symbol in {@code section} and returns its index in the symbol table. */
    int function(String name, int section, long value, long size) {
        symbols.add(new Symbol(name, value, size, 0x12, section));
        return symbols.size() - 1;
    }

    void relocate(int section, long offset, int type, int symbol, long addend) {
        relocations.add(new Relocation(section, offset, type, symbol, addend));
    }

    byte[] write() {
        List<Section> all = new ArrayList<>(sections);
        int symtabIndex = all.size() + 1 + relocatedSections().size();
        for (int target : relocatedSections()) {
            all.add(new Section(".rela" + sections.get(target - 1).name(), ElfSection.SHT_RELA, 0x40,
                    relocationEntries(target), symtabIndex, target, 24));
        }
        ByteArrayOutputStream names = new ByteArrayOutputStream();
        all.add(new Section(".symtab", ElfSection.SHT_SYMTAB, 0, symbolEntries(names), symtabIndex + 1, 1, 24));
        all.add(new Section(".strtab", ElfSection.SHT_STRTAB, 0, names.toByteArray(), 0, 0, 0));
        all.add(new Section(".shstrtab", ElfSection.SHT_STRTAB, 0, new byte[0], 0, 0, 0));
        return layOut(all);
    }

    private List<Integer> relocatedSections() {
        return relocations.stream().map(Relocation::section).distinct().sorted().toList();
    }

    private byte[] relocationEntries(int target) {
        List<Relocation> entries = relocations.stream().filter(r -> r.section() == target).toList();
        ByteBuffer buffer = little(entries.size() * 24);
        for (Relocation r : entries) {
            buffer.putLong(r.offset()).putLong(((long) r.symbol() << 32) | r.type()).putLong(r.addend());
        }
        return buffer.array();
    }

    private byte[] symbolEntries(ByteArrayOutputStream names) {
        ByteBuffer buffer = little(symbols.size() * 24);
        for (Symbol symbol : symbols) {
            buffer.putInt(append(names, symbol.name())).put((byte) symbol.info()).put((byte) 0)
                    .putShort((short) symbol.section()).putLong(symbol.value()).putLong(symbol.size());
        }
        return buffer.array();
    }

    private byte[] layOut(List<Section> all) {
        ByteArrayOutputStream sectionNames = new ByteArrayOutputStream();
        List<Integer> nameOffsets = new ArrayList<>();
        append(sectionNames, "");
        for (Section section : all) {
            nameOffsets.add(append(sectionNames, section.name()));
        }
        int shstrtab = all.size() - 1;
        all.set(shstrtab, new Section(".shstrtab", ElfSection.SHT_STRTAB, 0, sectionNames.toByteArray(), 0, 0, 0));
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(new byte[64]);
        List<Integer> offsets = new ArrayList<>();
        for (Section section : all) {
            while (body.size() % 8 != 0) {
                body.write(0);
            }
            offsets.add(body.size());
            body.writeBytes(section.contents());
        }
        while (body.size() % 8 != 0) {
            body.write(0);
        }
        int headers = body.size();
        ByteBuffer table = little((all.size() + 1) * 64);
        table.position(64);
        for (int i = 0; i < all.size(); i++) {
            Section s = all.get(i);
            table.putInt(nameOffsets.get(i)).putInt(s.type()).putLong(s.flags()).putLong(0).putLong(offsets.get(i))
                    .putLong(s.contents().length).putInt(s.link()).putInt(s.info()).putLong(1).putLong(s.entrySize());
        }
        body.writeBytes(table.array());
        byte[] file = body.toByteArray();
        ByteBuffer header = ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN);
        header.putInt(0, 0x464c457f).put(CLASS, (byte) 2).put(DATA, (byte) 1).put(6, (byte) 1);
        header.putShort(16, (short) ElfFile.ET_REL).putShort(MACHINE, (short) 243).putInt(20, 1);
        header.putLong(SECTION_HEADERS, headers).putShort(52, (short) 64).putShort(58, (short) 64)
                .putShort(SECTION_COUNT, (short) (all.size() + 1)).putShort(62, (short) (shstrtab + 1));
        return file;
    }

    private static int append(ByteArrayOutputStream strings, String value) {
        int offset = strings.size();
        strings.writeBytes(value.getBytes(StandardCharsets.UTF_8));
        strings.write(0);
        return offset;
    }

    static ByteBuffer little(int size) {
        return ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
    }
}
