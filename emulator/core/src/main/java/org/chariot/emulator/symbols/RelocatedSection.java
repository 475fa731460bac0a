package org.chariot.emulator.symbols;

import java.util.Map;

/**
 * The bytes of a debug section after its relocations were applied with section-relative symbol
 * values, plus, for each address field a relocation filled in, the section the address points into.
 */
record RelocatedSection(String name, byte[] bytes, Map<Long, Integer> referencedSections) {

    static RelocatedSection absent(String name) {
        return new RelocatedSection(name, new byte[0], Map.of());
    }

    /** The section that the address stored at {@code offset} refers to, or {@link SectionAddress#NO_SECTION}. */
    int sectionReferencedAt(long offset) {
        return referencedSections.getOrDefault(offset, SectionAddress.NO_SECTION);
    }
}
