package org.chariot.emulator.symbols;

/** The half-open range [low, high) of offsets inside one section of a module. */
record AddressRange(int section, long low, long high) {

    static AddressRange of(SectionAddress start, long length) {
        return new AddressRange(start.section(), start.offset(), start.offset() + length);
    }

    static AddressRange between(SectionAddress start, SectionAddress end) {
        return new AddressRange(start.section(), start.offset(), end.offset());
    }

    boolean contains(int section, long offset) {
        return this.section == section && offset >= low && offset < high;
    }

    boolean isEmpty() {
        return high <= low;
    }

    long length() {
        return high - low;
    }
}
