package org.chariot.emulator.symbols;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.chariot.emulator.guest.DriverBuild;
import org.chariot.emulator.guest.ExternalCommand;
import org.chariot.emulator.guest.GuestToolException;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Real modules built with the real kit: for every instruction of every code section, the file
 * (basename), line and function that {@link ModuleSymbols#locate} reports must be the ones binutils'
 * addr2line reports for the same section offset.
 */
class ModuleSymbolsAgainstAddr2lineTest {

    private static final String ADDR2LINE = "riscv64-linux-gnu-addr2line";

    @TempDir
    Path work;

    private int beyondEndOfFile;
    private int inlined;

    static Stream<String> driverDirectories() throws URISyntaxException {
        Path examples = TestEnvironment.exampleDrivers();
        Path resources = Path.of(ModuleSymbolsAgainstAddr2lineTest.class.getResource("/symbols/modules").toURI());
        return Stream.concat(Stream.of("hello", "chardev", "platform", "fails").map(examples::resolve),
                Stream.of(resources)).map(Path::toString);
    }

    @ParameterizedTest
    @MethodSource("driverDirectories")
    void everyInstructionMapsToTheLineAndFunctionAddr2lineGives(String source) throws Exception {
        DriverBuild build = new DriverBuild(TestEnvironment.openKit());
        int compared = 0;
        for (Path module : build.build(copy(Path.of(source)))) {
            compared += compareAllInstructions(module);
        }
        assertTrue(compared > 0, "no instructions compared in " + source);
        System.out.println(source + ": " + compared + " instructions agree with addr2line -i, " + inlined
                + " of them in inlined code, " + beyondEndOfFile
                + " where addr2line names a line beyond the end of its file");
    }

    /** A location as addr2line prints it with -f: function, then path:line; "??" when unknown. */
    private record Answer(String function, String path, int line) {

        static Answer of(SourceLocation location) {
            return new Answer(location.function(), location.file(), location.line());
        }

        static Answer parse(String function, String fileAndLine) {
            String location = fileAndLine.replaceFirst(" \\(discriminator \\d+\\)$", "");
            int colon = location.lastIndexOf(':');
            if (location.startsWith("??") || colon < 0) {
                return unknown();
            }
            return new Answer(function.equals("??") ? null : function, location.substring(0, colon),
                    Integer.parseInt(location.substring(colon + 1)));
        }

        static Answer unknown() {
            return new Answer(null, null, 0);
        }

        String basename() {
            return path == null ? null : Path.of(path).getFileName().toString();
        }

        boolean agreesWith(Answer other) {
            return line == other.line && Objects.equals(function, other.function)
                    && Objects.equals(basename(), other.basename());
        }

        /**
         * Whether addr2line named a line its file does not have. binutils starts every DWARF 5 line
         * sequence at file 0 (the unit's own file) where the standard (6.2.2) starts it at file 1, so
         * rows before the first DW_LNS_set_file land in the wrong file; readelf -wL decodes them right.
         */
        boolean isBeyondEndOfFile() throws IOException {
            Path file = Path.of(path);
            return Files.isRegularFile(file) && line > Files.readAllLines(file).size();
        }

        @Override
        public String toString() {
            return (function == null ? "??" : function) + " " + basename() + ":" + line;
        }
    }

    private int compareAllInstructions(Path module) throws IOException, GuestToolException {
        ElfFile elf = ElfFile.read(module);
        ModuleSymbols symbols = ModuleSymbols.of(elf);
        int compared = 0;
        List<String> disagreements = new ArrayList<>();
        for (ElfSection section : symbols.executableSections()) {
            if (section.name().equals(".plt")) {
                continue;
            }
            List<Long> offsets = instructionOffsets(elf.contents(section));
            List<List<Answer>> expected = addr2line(module, section.name(), offsets);
            for (int i = 0; i < offsets.size(); i++) {
                List<Answer> ours = symbols.frames(section.name(), offsets.get(i)).stream().map(Answer::of).toList();
                List<Answer> theirs = expected.get(i);
                if (!agree(ours.isEmpty() ? List.of(Answer.unknown()) : ours, theirs)) {
                    disagreements.add(section.name() + "+0x" + Long.toHexString(offsets.get(i)) + ": ours " + ours
                            + ", addr2line " + theirs);
                }
                compared++;
                inlined += theirs.size() > 1 ? 1 : 0;
            }
        }
        assertEquals(List.of(), disagreements, module.getFileName() + ": " + disagreements.size() + " of "
                + compared + " instructions disagree");
        return compared;
    }

    /** Same frames, allowing for addr2line's DWARF 5 error in the innermost frame's file. */
    private boolean agree(List<Answer> ours, List<Answer> theirs) throws IOException {
        if (ours.size() != theirs.size()) {
            return false;
        }
        for (int frame = 0; frame < ours.size(); frame++) {
            Answer our = ours.get(frame), their = theirs.get(frame);
            if (!our.agreesWith(their) && !(frame == 0 && isKnownAddr2lineError(our, their))) {
                return false;
            }
        }
        return true;
    }

    private boolean isKnownAddr2lineError(Answer ours, Answer theirs) throws IOException {
        boolean known = ours.line() == theirs.line() && Objects.equals(ours.function(), theirs.function())
                && theirs.isBeyondEndOfFile() && !ours.isBeyondEndOfFile();
        if (known) {
            beyondEndOfFile++;
        }
        return known;
    }

    /** Instruction starts: the low two bits of an instruction's first halfword say 16 or 32 bits. */
    private static List<Long> instructionOffsets(byte[] code) {
        List<Long> offsets = new ArrayList<>();
        for (int at = 0; at + 1 < code.length; at += (code[at] & 3) == 3 ? 4 : 2) {
            offsets.add((long) at);
        }
        return offsets;
    }

    /**
     * addr2line's frames for each offset, with -i: the innermost function and line, then each function
     * it was inlined into with the line of that call. With -a each answer starts with its address.
     */
    private static List<List<Answer>> addr2line(Path module, String section, List<Long> offsets)
            throws GuestToolException {
        List<String> command = new ArrayList<>(List.of(ADDR2LINE, "-e", module.toString(), "-a", "-i", "-f", "-j",
                section));
        offsets.forEach(offset -> command.add("0x" + Long.toHexString(offset)));
        ExternalCommand.Result result = new ExternalCommand(command).run();
        assertTrue(result.succeeded(), "addr2line failed: " + result.tail(10));
        List<List<Answer>> answers = new ArrayList<>();
        List<String> lines = result.output();
        int at = 0;
        while (at < lines.size()) {
            if (lines.get(at).startsWith("0x")) {
                answers.add(new ArrayList<>());
                at++;
            } else {
                assertTrue(!answers.isEmpty() && at + 1 < lines.size(), "addr2line printed " + lines.get(at));
                answers.getLast().add(Answer.parse(lines.get(at), lines.get(at + 1)));
                at += 2;
            }
        }
        assertEquals(offsets.size(), answers.size(), "addr2line printed something unexpected: " + result.tail(10));
        return answers;
    }

    private Path copy(Path source) throws IOException {
        Path target = work.resolve(source.getFileName());
        try (Stream<Path> files = Files.walk(source)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Path destination = target.resolve(source.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(destination);
                } else {
                    Files.copy(file, destination);
                }
            }
        }
        return target;
    }
}
