package org.chariot.emulator.symbols;

/**
 * One attribute value of a DIE as read, before string and address indices are resolved (that needs
 * the unit's base attributes, which may come later in the same DIE). For an address form,
 * {@code address} holds the relocated address; for a reference, {@code value} is the referenced DIE's
 * offset in {@code .debug_info}; for an inline string, {@code string} holds it.
 */
record Attribute(int name, int form, long value, SectionAddress address, String string) {

    boolean isConstant() {
        return switch (form) {
            case Dwarf.FORM_DATA1, Dwarf.FORM_DATA2, Dwarf.FORM_DATA4, Dwarf.FORM_DATA8, Dwarf.FORM_SDATA,
                    Dwarf.FORM_UDATA, Dwarf.FORM_IMPLICIT_CONST -> true;
            default -> false;
        };
    }

    boolean isReference() {
        return switch (form) {
            case Dwarf.FORM_REF1, Dwarf.FORM_REF2, Dwarf.FORM_REF4, Dwarf.FORM_REF8, Dwarf.FORM_REF_UDATA,
                    Dwarf.FORM_REF_ADDR -> true;
            default -> false;
        };
    }
}
