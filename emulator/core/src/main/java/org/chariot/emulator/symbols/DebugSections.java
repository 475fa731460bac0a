package org.chariot.emulator.symbols;

/** The relocated DWARF sections of one module; a section the module lacks is empty. */
record DebugSections(RelocatedSection info, RelocatedSection abbrev, RelocatedSection str,
        RelocatedSection lineStr, RelocatedSection strOffsets, RelocatedSection addr, RelocatedSection ranges,
        RelocatedSection rnglists, RelocatedSection line) {

    static DebugSections of(ElfFile elf) throws MalformedElfException {
        return new DebugSections(load(elf, ".debug_info"), load(elf, ".debug_abbrev"), load(elf, ".debug_str"),
                load(elf, ".debug_line_str"), load(elf, ".debug_str_offsets"), load(elf, ".debug_addr"),
                load(elf, ".debug_ranges"), load(elf, ".debug_rnglists"), load(elf, ".debug_line"));
    }

    private static RelocatedSection load(ElfFile elf, String name) throws MalformedElfException {
        var section = elf.section(name);
        return section.isPresent() ? Relocations.apply(elf, section.get()) : RelocatedSection.absent(name);
    }
}
