package org.chariot.emulator.symbols;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The symbols and line information of one kernel module ({@code .ko}), addressed by section and
 * offset in the section, so that a program counter inside the loaded module (minus the load address
 * of its section) maps back to {@code file:line}, function and {@code symbol+offset}. The module's
 * relocations are applied to its DWARF in Java, so no tool from the host is needed.
 */
public final class ModuleSymbols {

    private final ElfFile elf;
    private final LineTable lines;
    private final FunctionTable functions;

    private ModuleSymbols(ElfFile elf, LineTable lines, FunctionTable functions) {
        this.elf = elf;
        this.lines = lines;
        this.functions = functions;
    }

    public static ModuleSymbols load(Path ko) throws IOException {
        return of(ElfFile.read(ko));
    }

    /** Reads the symbols of an already parsed relocatable object. */
    public static ModuleSymbols of(ElfFile elf) throws IOException {
        if (!elf.isRelocatable()) {
            throw new MalformedElfException(elf.source() + " is a linked executable, not a kernel module: "
                    + "give ModuleSymbols a .ko (use KernelSymbols for the kernel itself)");
        }
        try {
            DebugSections debug = DebugSections.of(elf);
            List<CompilationUnit> units = CompilationUnit.readAll(debug);
            List<List<LineRow>> sequences = new ArrayList<>();
            for (CompilationUnit unit : units) {
                sequences.addAll(LineProgram.decode(unit));
            }
            return new ModuleSymbols(elf, LineTable.of(sequences), FunctionScanner.scan(units));
        } catch (MalformedDwarfException e) {
            throw new MalformedDwarfException(elf.source() + ": " + e.getMessage()
                    + ". Rebuild the module; if it persists, report the .ko with this message.");
        }
    }

    /** The module's sections that hold code. */
    public List<ElfSection> executableSections() {
        return elf.sections().stream().filter(ElfSection::isExecutable).toList();
    }

    /**
     * The source line and function of the instruction at {@code offset} in the named section (for
     * instance {@code .text} or {@code .init.text}); empty when the debug information does not cover it.
     */
    public Optional<SourceLocation> locate(String sectionName, long offset) {
        Optional<ElfSection> section = elf.section(sectionName);
        if (section.isEmpty()) {
            return Optional.empty();
        }
        int index = section.get().index();
        return lines.rowAt(index, offset).map(row -> new SourceLocation(row.file(), row.line(), row.column(),
                functionAt(index, offset)));
    }

    private String functionAt(int section, long offset) {
        return functions.functionAt(section, offset)
                .or(() -> symbolsIn(section).filter(ElfSymbol::isFunction).filter(s -> s.covers(offset))
                        .map(ElfSymbol::name).findFirst())
                .orElse(null);
    }

    /** The function or object symbol at or before {@code offset} in the named section, with the distance to it. */
    public Optional<SymbolOffset> symbolAt(String sectionName, long offset) {
        return elf.section(sectionName).flatMap(section -> symbolsIn(section.index())
                .filter(s -> (s.isFunction() || s.isObject()) && s.value() <= offset)
                .max(Comparator.comparingLong(ElfSymbol::value).thenComparingLong(ElfSymbol::size))
                .map(s -> new SymbolOffset(s.name(), offset - s.value(), s.size())));
    }

    private Stream<ElfSymbol> symbolsIn(int section) {
        return elf.symbols().stream().filter(s -> s.isInSection() && s.sectionIndex() == section);
    }
}
