package org.chariot.emulator.symbols;

import java.util.ArrayList;
import java.util.List;

/**
 * Decodes one unit's line number program in {@code .debug_line} (DWARF versions 2 to 5) into its
 * sequences of rows, running the line state machine of the DWARF standard (section 6.2).
 */
final class LineProgram {

    private record FileEntry(String name, long directory) {
    }

    private final CompilationUnit unit;
    private final DwarfCursor cursor;
    private final List<String> directories = new ArrayList<>();
    private final List<FileEntry> files = new ArrayList<>();
    private final List<List<LineRow>> sequences = new ArrayList<>();
    private int version;
    private int minimumInstructionLength;
    private int maximumOperations;
    private boolean defaultIsStmt;
    private int lineBase;
    private int lineRange;
    private int opcodeBase;
    private int[] standardOpcodeLengths;

    private LineProgram(CompilationUnit unit, DwarfCursor cursor) {
        this.unit = unit;
        this.cursor = cursor;
    }

    /** Decodes the unit's line program; a unit without one gets an empty program. */
    static LineProgram decode(CompilationUnit unit) throws MalformedDwarfException {
        if (unit.lineProgram() < 0) {
            return new LineProgram(unit, null);
        }
        LineProgram program = new LineProgram(unit, new DwarfCursor(unit.sections().line(), unit.lineProgram()));
        program.readHeader();
        program.sequences.addAll(program.run());
        return program;
    }

    /** The sequences of rows, each ending with its end-of-sequence row. */
    List<List<LineRow>> sequences() {
        return sequences;
    }

    private void readHeader() throws MalformedDwarfException {
        DwarfCursor.UnitLength length = cursor.unitLength();
        cursor.limitTo(length.length());
        version = cursor.u16();
        if (version < 2 || version > 5) {
            throw cursor.malformed("a line program of unsupported version " + version + " at offset "
                    + unit.lineProgram());
        }
        if (version >= 5) {
            cursor.u8();
            int segmentSelectorSize = cursor.u8();
            if (segmentSelectorSize != 0) {
                throw cursor.malformed("a line program with segment selectors (size " + segmentSelectorSize + ")");
            }
        }
        long headerLength = cursor.offset(length.dwarf64());
        long programStart = cursor.position() + headerLength;
        minimumInstructionLength = cursor.u8();
        maximumOperations = version >= 4 ? cursor.u8() : 1;
        defaultIsStmt = cursor.u8() != 0;
        lineBase = (byte) cursor.u8();
        lineRange = cursor.u8();
        opcodeBase = cursor.u8();
        if (maximumOperations == 0 || lineRange == 0 || opcodeBase == 0) {
            throw cursor.malformed("a line program header with a zero maximum_operations_per_instruction, "
                    + "line_range or opcode_base at offset " + unit.lineProgram());
        }
        standardOpcodeLengths = new int[opcodeBase];
        for (int opcode = 1; opcode < opcodeBase; opcode++) {
            standardOpcodeLengths[opcode] = cursor.u8();
        }
        if (version >= 5) {
            readEntryTables();
        } else {
            readVersion4Tables();
        }
        cursor.seek(programStart);
    }

    private void readVersion4Tables() throws MalformedDwarfException {
        for (String directory = cursor.string(); !directory.isEmpty(); directory = cursor.string()) {
            directories.add(directory);
        }
        for (String file = cursor.string(); !file.isEmpty(); file = cursor.string()) {
            files.add(readVersion4File(file));
        }
    }

    private FileEntry readVersion4File(String name) throws MalformedDwarfException {
        long directory = cursor.uleb();
        cursor.uleb();
        cursor.uleb();
        return new FileEntry(name, directory);
    }

    /** DWARF 5 directory and file tables: each entry is described by a list of (content type, form). */
    private void readEntryTables() throws MalformedDwarfException {
        for (FileEntry directory : readEntries()) {
            directories.add(directory.name());
        }
        files.addAll(readEntries());
    }

    private List<FileEntry> readEntries() throws MalformedDwarfException {
        int formatCount = cursor.u8();
        long[][] formats = new long[formatCount][2];
        for (long[] format : formats) {
            format[0] = cursor.uleb();
            format[1] = cursor.uleb();
        }
        long count = cursor.uleb();
        if ((formatCount == 0 && count != 0) || count > cursor.limit() - cursor.position()) {
            throw cursor.malformed("a directory or file table of " + count + " entries described by " + formatCount
                    + " formats at offset " + cursor.position() + ", more than the line program can hold");
        }
        List<FileEntry> entries = new ArrayList<>();
        for (long i = 0; i < count; i++) {
            String name = null;
            long directory = 0;
            for (long[] format : formats) {
                Attribute value = unit.read(cursor, 0, (int) format[1], 0);
                if (format[0] == Dwarf.LNCT_PATH) {
                    name = unit.string(value);
                } else if (format[0] == Dwarf.LNCT_DIRECTORY_INDEX) {
                    directory = value.value();
                }
            }
            entries.add(new FileEntry(name, directory));
        }
        return entries;
    }

    private List<List<LineRow>> run() throws MalformedDwarfException {
        List<List<LineRow>> decoded = new ArrayList<>();
        while (cursor.hasMore()) {
            List<LineRow> rows = new LineStateMachine().runSequence();
            if (!rows.isEmpty()) {
                decoded.add(rows);
            }
        }
        return decoded;
    }

    /** The state machine registers of one sequence and the opcodes that change them. */
    private final class LineStateMachine {
        private final List<LineRow> rows = new ArrayList<>();
        private int section = SectionAddress.NO_SECTION;
        private long address;
        private long opIndex;
        /* DWARF 5 also starts at file 1 (section 6.2.2, as readelf -wL decodes it); binutils' addr2line
           starts DWARF 5 sequences at file 0 and so misnames the file of rows before the first set_file. */
        private long file = 1;
        private long line = 1;
        private long column;
        private boolean isStmt = defaultIsStmt;
        private boolean ended;

        List<LineRow> runSequence() throws MalformedDwarfException {
            while (!ended && cursor.hasMore()) {
                int opcode = cursor.u8();
                if (opcode >= opcodeBase) {
                    special(opcode - opcodeBase);
                } else if (opcode == 0) {
                    extended();
                } else {
                    standard(opcode);
                }
            }
            return ended ? rows : List.of();
        }

        private void special(int adjusted) {
            advance(adjusted / lineRange);
            line += lineBase + adjusted % lineRange;
            emit(false);
        }

        private void advance(long operationAdvance) {
            long operations = opIndex + operationAdvance;
            address += minimumInstructionLength * (operations / maximumOperations);
            opIndex = operations % maximumOperations;
        }

        private void extended() throws MalformedDwarfException {
            long length = cursor.uleb();
            if (length == 0) {
                return;
            }
            long next = cursor.position() + length;
            int opcode = cursor.u8();
            switch (opcode) {
                case Dwarf.LNE_END_SEQUENCE -> {
                    emit(true);
                    ended = true;
                }
                case Dwarf.LNE_SET_ADDRESS -> {
                    SectionAddress target = cursor.address((int) length - 1);
                    section = target.section();
                    address = target.offset();
                    opIndex = 0;
                }
                case Dwarf.LNE_DEFINE_FILE -> files.add(readVersion4File(cursor.string()));
                default -> {
                }
            }
            cursor.seek(next);
        }

        private void standard(int opcode) throws MalformedDwarfException {
            switch (opcode) {
                case Dwarf.LNS_COPY -> emit(false);
                case Dwarf.LNS_ADVANCE_PC -> advance(cursor.uleb());
                case Dwarf.LNS_ADVANCE_LINE -> line += cursor.sleb();
                case Dwarf.LNS_SET_FILE -> file = cursor.uleb();
                case Dwarf.LNS_SET_COLUMN -> column = cursor.uleb();
                case Dwarf.LNS_NEGATE_STMT -> isStmt = !isStmt;
                case Dwarf.LNS_CONST_ADD_PC -> advance((255 - opcodeBase) / lineRange);
                case Dwarf.LNS_FIXED_ADVANCE_PC -> {
                    address += cursor.u16();
                    opIndex = 0;
                }
                default -> {
                    for (int i = 0; i < standardOpcodeLengths[opcode]; i++) {
                        cursor.uleb();
                    }
                }
            }
        }

        private void emit(boolean endSequence) {
            rows.add(new LineRow(section, address, fileName(file), (int) line, (int) column, isStmt, endSequence));
        }
    }

    /**
     * The path of file {@code index}, joined with its directory and the compilation directory as
     * addr2line joins them. Before DWARF 5 file and directory indices start at 1 and directory 0 is
     * the compilation directory; from DWARF 5 on both tables start at 0.
     */
    String fileName(long index) {
        long slot = version >= 5 ? index : index - 1;
        if (slot < 0 || slot >= files.size() || files.get((int) slot).name() == null) {
            return null;
        }
        FileEntry entry = files.get((int) slot);
        if (isAbsolute(entry.name())) {
            return entry.name();
        }
        long directorySlot = version >= 5 ? entry.directory() : entry.directory() - 1;
        String subdirectory = directorySlot >= 0 && directorySlot < directories.size()
                ? directories.get((int) directorySlot) : null;
        String base = subdirectory == null || !isAbsolute(subdirectory) ? unit.compDir() : null;
        if (base == null) {
            return join(subdirectory, entry.name());
        }
        return join(base, join(subdirectory, entry.name()));
    }

    private static String join(String directory, String name) {
        return directory == null ? name : directory + "/" + name;
    }

    private static boolean isAbsolute(String path) {
        return path != null && path.startsWith("/");
    }
}
