package org.chariot.emulator.machine;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A statically linked ELF64 RISC-V executable: its loadable segments, entry point and symbols. */
public final class ElfFile {

    /** A PT_LOAD segment: {@code fileSize} bytes from the file, zero-filled up to {@code memorySize}. */
    public record Segment(long physicalAddress, long fileOffset, long fileSize, long memorySize) {
    }

    private static final int EM_RISCV = 243, ET_EXEC = 2, PT_LOAD = 1, SHT_SYMTAB = 2;
    private static final int HEADER_SIZE = 64, PROGRAM_HEADER_SIZE = 56, SECTION_HEADER_SIZE = 64, SYMBOL_SIZE = 24;

    private final Path path;
    private final ByteBuffer data;
    private final long entry;
    private final List<Segment> segments;

    private ElfFile(Path path, ByteBuffer data) throws InvalidElfException {
        this.path = path;
        this.data = data;
        checkIdentity();
        this.entry = data.getLong(24);
        this.segments = readSegments();
    }

    public static ElfFile read(Path path) throws IOException, InvalidElfException {
        byte[] bytes = Files.readAllBytes(path);
        return new ElfFile(path, ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN));
    }

    public long entry() {
        return entry;
    }

    public List<Segment> segments() {
        return segments;
    }

    /** Copies a segment's file bytes into {@code target} at {@code offset}. */
    public void copySegment(Segment segment, byte[] target, int offset) {
        data.get((int) segment.fileOffset(), target, offset, (int) segment.fileSize());
    }

    /** The value of a symbol in the symbol table, if the file has one and it names the symbol. */
    public Optional<Long> symbol(String name) throws InvalidElfException {
        for (int i = 0; i < sectionCount(); i++) {
            long header = sectionHeaderOffset() + (long) i * SECTION_HEADER_SIZE;
            if (data.getInt((int) header + 4) == SHT_SYMTAB) {
                Optional<Long> value = findSymbol(header, name);
                if (value.isPresent()) {
                    return value;
                }
            }
        }
        return Optional.empty();
    }

    private Optional<Long> findSymbol(long symtabHeader, String name) throws InvalidElfException {
        long offset = data.getLong((int) symtabHeader + 24), size = data.getLong((int) symtabHeader + 32);
        int stringSection = data.getInt((int) symtabHeader + 40);
        if (stringSection >= sectionCount()) {
            throw invalid("its symbol table points at string section " + stringSection + ", which does not exist");
        }
        long strings = data.getLong((int) (sectionHeaderOffset() + (long) stringSection * SECTION_HEADER_SIZE) + 24);
        requireInFile(offset, size, "symbol table");
        for (long symbol = offset; symbol + SYMBOL_SIZE <= offset + size; symbol += SYMBOL_SIZE) {
            long nameOffset = strings + (data.getInt((int) symbol) & 0xffff_ffffL);
            if (name.equals(cString(nameOffset))) {
                return Optional.of(data.getLong((int) symbol + 8));
            }
        }
        return Optional.empty();
    }

    private String cString(long offset) throws InvalidElfException {
        requireInFile(offset, 1, "symbol name");
        int end = (int) offset;
        while (end < data.limit() && data.get(end) != 0) {
            end++;
        }
        byte[] bytes = new byte[end - (int) offset];
        data.get((int) offset, bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private void checkIdentity() throws InvalidElfException {
        if (data.limit() < HEADER_SIZE || data.getInt(0) != 0x464c457f) {
            throw invalid("it is not an ELF file (no \\x7fELF magic)");
        }
        if (data.get(4) != 2 || data.get(5) != 1) {
            throw invalid("it is not a 64-bit little-endian ELF (build with riscv64-...-gcc, not a 32-bit toolchain)");
        }
        if (data.getShort(18) != EM_RISCV) {
            throw invalid("it is for machine " + data.getShort(18) + ", not RISC-V (" + EM_RISCV + ")");
        }
        if (data.getShort(16) != ET_EXEC) {
            throw invalid("it is not an executable (type " + data.getShort(16)
                    + "); link it with -static at a fixed address, e.g. -Ttext=0x80000000");
        }
    }

    private List<Segment> readSegments() throws InvalidElfException {
        long tableOffset = data.getLong(32);
        int count = data.getShort(56) & 0xffff;
        requireInFile(tableOffset, (long) count * PROGRAM_HEADER_SIZE, "program header table");
        List<Segment> loadable = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int header = (int) (tableOffset + (long) i * PROGRAM_HEADER_SIZE);
            if (data.getInt(header) == PT_LOAD) {
                Segment segment = new Segment(data.getLong(header + 24), data.getLong(header + 8),
                        data.getLong(header + 32), data.getLong(header + 40));
                requireInFile(segment.fileOffset(), segment.fileSize(), "segment " + i);
                if (segment.fileSize() > segment.memorySize()) {
                    throw invalid("segment " + i + " has more file bytes than memory bytes");
                }
                loadable.add(segment);
            }
        }
        if (loadable.isEmpty()) {
            throw invalid("it has no loadable (PT_LOAD) segment");
        }
        return List.copyOf(loadable);
    }

    private long sectionHeaderOffset() {
        return data.getLong(40);
    }

    private int sectionCount() throws InvalidElfException {
        int count = data.getShort(60) & 0xffff;
        requireInFile(sectionHeaderOffset(), (long) count * SECTION_HEADER_SIZE, "section header table");
        return count;
    }

    private void requireInFile(long offset, long length, String what) throws InvalidElfException {
        if (offset < 0 || length < 0 || offset + length > data.limit()) {
            throw invalid("its " + what + " lies outside the file (truncated or corrupt file?)");
        }
    }

    private InvalidElfException invalid(String why) {
        return new InvalidElfException(path + ": " + why);
    }
}
