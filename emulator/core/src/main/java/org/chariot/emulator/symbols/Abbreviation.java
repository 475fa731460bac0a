package org.chariot.emulator.symbols;

import java.util.List;

/** One entry of an abbreviation table: the tag of the DIEs that use it and their attributes' forms. */
record Abbreviation(long code, int tag, boolean hasChildren, List<Specification> attributes) {

    /** An attribute name with its form (and the value itself for DW_FORM_implicit_const). */
    record Specification(int name, int form, long implicitConstant) {
    }
}
