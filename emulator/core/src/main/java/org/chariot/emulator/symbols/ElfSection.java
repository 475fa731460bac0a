package org.chariot.emulator.symbols;

/** One section header of an ELF file, with its name resolved. */
public record ElfSection(int index, String name, int type, long flags, long address, long fileOffset, long size,
        int link, int info, long entrySize) {

    static final int SHT_SYMTAB = 2, SHT_STRTAB = 3, SHT_RELA = 4, SHT_NOBITS = 8;
    static final long SHF_EXECINSTR = 0x4, SHF_COMPRESSED = 0x800;

    /** Whether the section holds machine code. */
    public boolean isExecutable() {
        return (flags & SHF_EXECINSTR) != 0;
    }

    /** Whether the section's bytes are stored in the file ({@code .bss} is not). */
    public boolean occupiesFile() {
        return type != SHT_NOBITS;
    }

    boolean isRelocationsFor(ElfSection target) {
        return type == SHT_RELA && info == target.index();
    }
}
