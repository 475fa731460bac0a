package org.chariot.emulator.symbols;

/** A function of a module: its code is {@code size} bytes at {@code offset} in section {@code section}. */
public record FunctionSymbol(String name, String section, long offset, long size) {
}
