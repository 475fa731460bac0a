package org.chariot.emulator.symbols;

/** A loadable ({@code PT_LOAD}) segment of an ELF executable: {@code fileSize} bytes of the file, zero-filled up to {@code memorySize}. */
public record ElfSegment(long physicalAddress, long fileOffset, long fileSize, long memorySize) {
}
