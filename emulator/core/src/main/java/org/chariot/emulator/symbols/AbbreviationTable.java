package org.chariot.emulator.symbols;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The abbreviations that one compilation unit's DIEs refer to, read from {@code .debug_abbrev}. */
final class AbbreviationTable {

    private final Map<Long, Abbreviation> byCode;

    private AbbreviationTable(Map<Long, Abbreviation> byCode) {
        this.byCode = byCode;
    }

    static AbbreviationTable read(RelocatedSection abbrev, long offset) throws MalformedDwarfException {
        DwarfCursor cursor = new DwarfCursor(abbrev, offset);
        Map<Long, Abbreviation> byCode = new HashMap<>();
        for (long code = cursor.uleb(); code != 0; code = cursor.uleb()) {
            int tag = (int) cursor.uleb();
            boolean hasChildren = cursor.u8() != 0;
            List<Abbreviation.Specification> attributes = new ArrayList<>();
            for (int name = (int) cursor.uleb(), form = (int) cursor.uleb(); name != 0 || form != 0;
                    name = (int) cursor.uleb(), form = (int) cursor.uleb()) {
                long implicit = form == Dwarf.FORM_IMPLICIT_CONST ? cursor.sleb() : 0;
                attributes.add(new Abbreviation.Specification(name, form, implicit));
            }
            byCode.put(code, new Abbreviation(code, tag, hasChildren, List.copyOf(attributes)));
        }
        return new AbbreviationTable(byCode);
    }

    Abbreviation get(long code, DwarfCursor at) throws MalformedDwarfException {
        Abbreviation abbreviation = byCode.get(code);
        if (abbreviation == null) {
            throw at.malformed("a DIE at offset " + at.position() + " with abbreviation code " + code
                    + ", which its unit's abbreviation table does not define");
        }
        return abbreviation;
    }
}
