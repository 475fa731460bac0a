package org.chariot.emulator.symbols;

/** An address expressed as a symbol plus an offset; {@code size} is the symbol's size. */
public record SymbolOffset(String name, long offset, long size) {

    /** {@code name+0xoffset}. */
    public String shortForm() {
        return name + "+0x" + Long.toHexString(offset);
    }

    /** {@code name+0xoffset/0xsize}, the form of the kernel's own backtraces. */
    @Override
    public String toString() {
        return shortForm() + "/0x" + Long.toHexString(size);
    }
}
