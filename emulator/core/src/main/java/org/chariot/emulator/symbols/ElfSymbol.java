package org.chariot.emulator.symbols;

/**
 * One entry of an ELF symbol table. In a relocatable object (a module) {@code value} is the offset
 * inside the section {@code sectionIndex}; in an executable it is an address.
 */
public record ElfSymbol(String name, long value, long size, int type, int binding, int sectionIndex) {

    static final int STT_OBJECT = 1, STT_FUNC = 2;
    static final int SHN_UNDEF = 0, SHN_LORESERVE = 0xff00;

    public boolean isFunction() {
        return type == STT_FUNC;
    }

    public boolean isObject() {
        return type == STT_OBJECT;
    }

    /** Whether the symbol lives in an ordinary section of this file (not undefined, absolute or common). */
    public boolean isInSection() {
        return sectionIndex != SHN_UNDEF && sectionIndex < SHN_LORESERVE;
    }

    /** Whether {@code offset} (in the symbol's own section) lies inside the symbol's bytes. */
    public boolean covers(long offset) {
        return offset >= value && offset - value < size;
    }
}
