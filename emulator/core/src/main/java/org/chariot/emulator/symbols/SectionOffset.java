package org.chariot.emulator.symbols;

/** A place in a module: an offset inside one of its sections, the form the symbol lookups take. */
public record SectionOffset(String section, long offset) {
}
