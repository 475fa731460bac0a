package org.chariot.emulator.symbols;

/**
 * An address in a relocatable module: an offset inside one of its sections. Section 0 means the
 * address was not relocated against any section (an unrelocated constant or an undefined symbol).
 */
record SectionAddress(int section, long offset) {

    static final int NO_SECTION = 0;

    SectionAddress plus(long delta) {
        return new SectionAddress(section, offset + delta);
    }
}
