package org.chariot.emulator.symbols;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import org.chariot.emulator.guest.DriverBuild;
import org.chariot.emulator.guest.GuestKit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the monitor asks of a module: source lines, functions and symbols by section offset. */
class ModuleSymbolsTest {

    @TempDir
    static Path work;

    private static List<Path> testModules;

    @Test
    void damagedDebugInfoIsReportedWithTheFileAndWhatIsWrong() {
        TestElf elf = new TestElf();
        elf.section(".text", 0x6, new byte[4]);
        elf.section(".debug_info", 0, new byte[] {(byte) 0xff, 0, 0, 0, 4, 0});
        MalformedDwarfException e = assertThrows(MalformedDwarfException.class,
                () -> ModuleSymbols.of(ElfFile.parse("damaged.ko", elf.write())));
        assertTrue(e.getMessage().startsWith("damaged.ko: section .debug_info is damaged: it holds a unit of 255 bytes"),
                e.getMessage());
    }

    @Test
    void moduleWithoutDebugInformationStillHasSymbols() throws Exception {
        TestElf elf = new TestElf();
        int text = elf.section(".text", 0x6, new byte[0x40]);
        elf.function("open", text, 0x0, 0x20);
        elf.function("release", text, 0x20, 0x20);
        ModuleSymbols symbols = ModuleSymbols.of(ElfFile.parse("plain.ko", elf.write()));
        assertEquals("release+0x6/0x20", symbols.symbolAt(".text", 0x26).orElseThrow().toString());
        assertEquals(Optional.empty(), symbols.locate(".text", 0x26));
        assertEquals(Optional.empty(), symbols.symbolAt(".no-such-section", 0));
    }

    @Test
    void aLoadedAddressIsFoundInTheSectionThatHoldsIt() throws Exception {
        TestElf elf = new TestElf();
        elf.section(".text", 0x6, new byte[0x40]);
        elf.section(".init.text", 0x6, new byte[0x20]);
        ModuleSymbols symbols = ModuleSymbols.of(ElfFile.parse("loaded.ko", elf.write()));
        Map<String, Long> loaded = Map.of(".text", 0xffffffff01000000L, ".init.text", 0xffffffff01008000L);
        assertEquals(Optional.of(new SectionOffset(".init.text", 0x1e)),
                symbols.sectionOffset(loaded, 0xffffffff0100801eL));
        assertEquals(Optional.of(new SectionOffset(".text", 0)), symbols.sectionOffset(loaded, 0xffffffff01000000L));
        assertEquals(Optional.empty(), symbols.sectionOffset(loaded, 0xffffffff01000040L));
        assertEquals(Optional.empty(), symbols.sectionOffset(loaded, 0xffffffff00fffffeL));
    }

    @Test
    void aKernelImageIsNotTakenForAModule() throws Exception {
        GuestKit kit = TestEnvironment.openKit();
        IOException e = assertThrows(IOException.class, () -> ModuleSymbols.load(kit.vmlinux()));
        assertTrue(e.getMessage().contains("is a linked executable, not a kernel module"), e.getMessage());
    }

    @Test
    void aFunctionsFirstInstructionMapsToItsSourceInBothDwarfVersions() throws Exception {
        Path source = work.resolve("modules/inlined.c");
        for (String name : List.of("inlined.ko", "inlined_dwarf5.ko")) {
            Path module = testModule(name);
            ElfSymbol total = ElfFile.read(module).symbols().stream().filter(s -> s.name().equals("inlined_total"))
                    .findFirst().orElseThrow();
            ModuleSymbols symbols = ModuleSymbols.load(module);
            SourceLocation location = symbols.locate(".text", total.value()).orElseThrow();
            assertEquals(source.toString(), location.file(), name);
            assertEquals("inlined_total", location.function(), name);
            assertTrue(linesOfFunction(source, "int inlined_total(void)").contains(location.line()), name + " " + location);
            assertEquals("inlined_total+0x2", symbols.symbolAt(".text", total.value() + 2).orElseThrow().shortForm());
        }
    }

    @Test
    void inlinedCodeNamesTheCallSitesItWasInlinedThrough() throws Exception {
        Path module = testModule("inlined.ko");
        ModuleSymbols symbols = ModuleSymbols.load(module);
        List<String> source = Files.readAllLines(work.resolve("modules/inlined.c"));
        ElfSection text = ElfFile.read(module).section(".text").orElseThrow();
        List<SourceLocation> frames = List.of();
        for (long offset = 0; offset < text.size() && !isSquareInlinedIntoTotal(frames); offset += 2) {
            frames = symbols.frames(".text", offset);
        }
        assertTrue(isSquareInlinedIntoTotal(frames), "no instruction of .text is square() inlined into inlined_total()");
        for (int i = 1; i < frames.size(); i++) {
            String callSite = source.get(frames.get(i).line() - 1);
            assertTrue(callSite.contains(frames.get(i - 1).function() + "("), "line " + frames.get(i).line() + " '"
                    + callSite + "' should call " + frames.get(i - 1).function() + ": " + frames);
        }
    }

    private static boolean isSquareInlinedIntoTotal(List<SourceLocation> frames) {
        return frames.size() > 1 && "square".equals(frames.getFirst().function())
                && "inlined_total".equals(frames.getLast().function());
    }

    private static synchronized Path testModule(String name) throws Exception {
        if (testModules == null) {
            testModules = new DriverBuild(TestEnvironment.openKit()).build(copyOfTestModules());
        }
        return testModules.stream().filter(m -> m.getFileName().toString().equals(name)).findFirst().orElseThrow();
    }

    /** The line numbers from a function's signature to its closing brace. */
    private static List<Integer> linesOfFunction(Path source, String signature) throws IOException {
        List<String> lines = Files.readAllLines(source);
        int first = lines.indexOf(signature);
        int last = first;
        while (!lines.get(last).equals("}")) {
            last++;
        }
        return IntStream.rangeClosed(first + 1, last + 1).boxed().toList();
    }

    private static Path copyOfTestModules() throws IOException, URISyntaxException {
        Path resources = Path.of(ModuleSymbolsTest.class.getResource("/symbols/modules").toURI());
        Path target = Files.createDirectories(work.resolve("modules"));
        try (var files = Files.list(resources)) {
            for (Path file : files.toList()) {
                Files.copy(file, target.resolve(file.getFileName()));
            }
        }
        return target;
    }
}
