package org.chariot.emulator.symbols;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Applies the RISC-V relocations of a relocatable object to one of its debug sections, with every
 * symbol valued at its offset inside its own section. Addresses in the DWARF so become offsets in
 * the section that holds the code ({@code .text}, {@code .init.text}, ...), each remembered with that
 * section; label differences (the ADD/SUB and SET/SUB pairs) come out as plain lengths.
 */
final class Relocations {

    private static final int R_RISCV_NONE = 0, R_RISCV_32 = 1, R_RISCV_64 = 2, R_RISCV_RELAX = 51;
    private static final int R_RISCV_ADD8 = 33, R_RISCV_ADD16 = 34, R_RISCV_ADD32 = 35, R_RISCV_ADD64 = 36;
    private static final int R_RISCV_SUB8 = 37, R_RISCV_SUB16 = 38, R_RISCV_SUB32 = 39, R_RISCV_SUB64 = 40;
    private static final int R_RISCV_SUB6 = 52, R_RISCV_SET6 = 53, R_RISCV_SET8 = 54, R_RISCV_SET16 = 55;
    private static final int R_RISCV_SET32 = 56, R_RISCV_SET_ULEB128 = 60, R_RISCV_SUB_ULEB128 = 61;
    private static final int ENTRY_SIZE = 24;

    private final ElfFile elf;
    private final ElfSection target;
    private final ByteBuffer bytes;
    private final Map<Long, Integer> referencedSections = new HashMap<>();

    private Relocations(ElfFile elf, ElfSection target) {
        this.elf = elf;
        this.target = target;
        this.bytes = ByteBuffer.wrap(elf.contents(target)).order(ByteOrder.LITTLE_ENDIAN);
    }

    /** The contents of {@code target} with all relocations that apply to it resolved. */
    static RelocatedSection apply(ElfFile elf, ElfSection target) throws MalformedElfException {
        if ((target.flags() & ElfSection.SHF_COMPRESSED) != 0) {
            throw elf.malformed("section " + target.name() + " is compressed, which Chariot does not read "
                    + "(build the kernel without CONFIG_DEBUG_INFO_COMPRESSED)");
        }
        Relocations relocations = new Relocations(elf, target);
        for (ElfSection rela : elf.relocationSectionsFor(target)) {
            relocations.applyAll(rela);
        }
        return new RelocatedSection(target.name(), relocations.bytes.array(), Map.copyOf(relocations.referencedSections));
    }

    private void applyAll(ElfSection rela) throws MalformedElfException {
        if (rela.entrySize() != ENTRY_SIZE || rela.size() % ENTRY_SIZE != 0) {
            throw elf.malformed(rela.name() + " has entries of " + rela.entrySize() + " bytes and size " + rela.size()
                    + ", expected 24-byte RELA entries");
        }
        if (elf.section(rela.link()).type() != ElfSection.SHT_SYMTAB) {
            throw elf.malformed(rela.name() + " links to section " + rela.link() + ", which is not the symbol table");
        }
        ByteBuffer entries = ByteBuffer.wrap(elf.contents(rela)).order(ByteOrder.LITTLE_ENDIAN);
        for (int at = 0; at < entries.capacity(); at += ENTRY_SIZE) {
            long info = entries.getLong(at + 8);
            applyOne(rela, entries.getLong(at), (int) info, symbol(rela, info >>> 32), entries.getLong(at + 16));
        }
    }

    private ElfSymbol symbol(ElfSection rela, long index) throws MalformedElfException {
        List<ElfSymbol> symbols = elf.symbols();
        if (index < 0 || index >= symbols.size()) {
            throw elf.malformed(rela.name() + " refers to symbol " + index + ", beyond the " + symbols.size()
                    + " symbols of the symbol table");
        }
        return symbols.get((int) index);
    }

    private void applyOne(ElfSection rela, long offset, int type, ElfSymbol symbol, long addend)
            throws MalformedElfException {
        if (type == R_RISCV_NONE || type == R_RISCV_RELAX) {
            return;
        }
        int width = width(rela, type);
        if (offset < 0 || offset > bytes.capacity() - width) {
            throw elf.malformed(rela.name() + " patches offset " + Long.toUnsignedString(offset) + ", outside "
                    + target.name() + " (" + bytes.capacity() + " bytes)");
        }
        int at = (int) offset;
        long value = symbol.value() + addend;
        switch (type) {
            case R_RISCV_32, R_RISCV_64 -> {
                write(at, width, value);
                if (symbol.isInSection()) {
                    referencedSections.put(offset, symbol.sectionIndex());
                }
            }
            case R_RISCV_ADD8, R_RISCV_ADD16, R_RISCV_ADD32, R_RISCV_ADD64 -> write(at, width, read(at, width) + value);
            case R_RISCV_SUB8, R_RISCV_SUB16, R_RISCV_SUB32, R_RISCV_SUB64 -> write(at, width, read(at, width) - value);
            case R_RISCV_SET8, R_RISCV_SET16, R_RISCV_SET32 -> write(at, width, value);
            case R_RISCV_SET6 -> bytes.put(at, (byte) ((bytes.get(at) & 0xc0) | (value & 0x3f)));
            case R_RISCV_SUB6 -> bytes.put(at, (byte) ((bytes.get(at) & 0xc0) | ((bytes.get(at) - value) & 0x3f)));
            case R_RISCV_SET_ULEB128 -> writeUleb(rela, at, value);
            case R_RISCV_SUB_ULEB128 -> writeUleb(rela, at, readUleb(rela, at) - value);
            default -> throw unsupported(rela, type);
        }
    }

    private int width(ElfSection rela, int type) throws MalformedElfException {
        return switch (type) {
            case R_RISCV_ADD8, R_RISCV_SUB8, R_RISCV_SET8, R_RISCV_SET6, R_RISCV_SUB6 -> 1;
            case R_RISCV_ADD16, R_RISCV_SUB16, R_RISCV_SET16 -> 2;
            case R_RISCV_32, R_RISCV_ADD32, R_RISCV_SUB32, R_RISCV_SET32 -> 4;
            case R_RISCV_64, R_RISCV_ADD64, R_RISCV_SUB64 -> 8;
            case R_RISCV_SET_ULEB128, R_RISCV_SUB_ULEB128 -> 1;
            default -> throw unsupported(rela, type);
        };
    }

    private MalformedElfException unsupported(ElfSection rela, int type) {
        return elf.malformed(rela.name() + " uses relocation type " + Integer.toUnsignedString(type)
                + ", which has no meaning in debug information");
    }

    private long read(int at, int width) {
        return switch (width) {
            case 1 -> bytes.get(at) & 0xffL;
            case 2 -> bytes.getShort(at) & 0xffffL;
            case 4 -> bytes.getInt(at) & 0xffff_ffffL;
            default -> bytes.getLong(at);
        };
    }

    private void write(int at, int width, long value) {
        switch (width) {
            case 1 -> bytes.put(at, (byte) value);
            case 2 -> bytes.putShort(at, (short) value);
            case 4 -> bytes.putInt(at, (int) value);
            default -> bytes.putLong(at, value);
        }
    }

    private int ulebLength(ElfSection rela, int at) throws MalformedElfException {
        int length = 1;
        while ((bytes.get(at + length - 1) & 0x80) != 0) {
            if (at + length >= bytes.capacity()) {
                throw elf.malformed(rela.name() + " patches a ULEB128 at offset " + at + " that runs past the end of "
                        + target.name());
            }
            length++;
        }
        return length;
    }

    private long readUleb(ElfSection rela, int at) throws MalformedElfException {
        int length = ulebLength(rela, at);
        long value = 0;
        for (int i = 0; i < length && i * 7 < 64; i++) {
            value |= (bytes.get(at + i) & 0x7fL) << (i * 7);
        }
        return value;
    }

    /** Rewrites the ULEB128 at {@code at} in place, keeping its length so nothing after it moves. */
    private void writeUleb(ElfSection rela, int at, long value) throws MalformedElfException {
        int length = ulebLength(rela, at);
        long rest = value;
        for (int i = 0; i < length; i++) {
            int continuation = i < length - 1 ? 0x80 : 0;
            bytes.put(at + i, (byte) ((rest & 0x7f) | continuation));
            rest >>>= 7;
        }
    }
}
