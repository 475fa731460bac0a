package org.chariot.emulator.symbols;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
            Map<CompilationUnit, LineProgram> programs = new LinkedHashMap<>();
            for (CompilationUnit unit : units) {
                programs.put(unit, LineProgram.decode(unit));
            }
            List<List<LineRow>> sequences = programs.values().stream().flatMap(p -> p.sequences().stream()).toList();
            return new ModuleSymbols(elf, LineTable.of(sequences), FunctionScanner.scan(programs));
        } catch (MalformedDwarfException e) {
            throw new MalformedDwarfException(elf.source() + ": " + e.getMessage()
                    + ". Rebuild the module; if it persists, report the .ko with this message.");
        }
    }

    /**
     * Which section of the loaded module holds {@code address}, given where the guest put each
     * section (as {@code /sys/module/<name>/sections/} lists them); empty when none does.
     */
    public Optional<SectionOffset> sectionOffset(Map<String, Long> loadAddresses, long address) {
        for (Map.Entry<String, Long> loaded : loadAddresses.entrySet()) {
            Optional<ElfSection> section = elf.section(loaded.getKey());
            long offset = address - loaded.getValue();
            if (section.isPresent() && offset >= 0 && offset < section.get().size()) {
                return Optional.of(new SectionOffset(loaded.getKey(), offset));
            }
        }
        return Optional.empty();
    }

    /** The module's sections that hold code. */
    public List<ElfSection> executableSections() {
        return elf.sections().stream().filter(ElfSection::isExecutable).toList();
    }

    /**
     * The source line and function of the instruction at {@code offset} in the named section (for
     * instance {@code .text} or {@code .init.text}); empty when the debug information does not cover it.
     * For inlined code this is the innermost function, where the instruction's own line is.
     */
    public Optional<SourceLocation> locate(String sectionName, long offset) {
        return elf.section(sectionName).flatMap(section -> locate(section.index(), offset));
    }

    private Optional<SourceLocation> locate(int section, long offset) {
        return lines.rowAt(section, offset).map(row -> new SourceLocation(row.file(), row.line(), row.column(),
                functionName(section, offset)));
    }

    /**
     * The instruction's source position and, when its code was inlined, the chain of calls it was
     * inlined through, innermost first ({@code addr2line -i}): each further entry is the line in the
     * calling function where the previous one was called. Empty when {@link #locate} is.
     */
    public List<SourceLocation> frames(String sectionName, long offset) {
        Optional<ElfSection> section = elf.section(sectionName);
        Optional<SourceLocation> innermost = section.flatMap(s -> locate(s.index(), offset));
        if (innermost.isEmpty()) {
            return List.of();
        }
        List<SourceLocation> frames = new ArrayList<>(List.of(innermost.get()));
        DwarfFunction function = functions.functionAt(section.get().index(), offset).orElse(null);
        if (function != null && function.inlined()) {
            for (DwarfFunction callee = function; callee.caller() != null; callee = callee.caller()) {
                frames.add(new SourceLocation(callee.callFile(), callee.callLine(), callee.callColumn(),
                        callee.caller().name()));
            }
        }
        return List.copyOf(frames);
    }

    /**
     * Where a line breakpoint on {@code file:line} goes in this module (see {@code LineTable}): the
     * section offsets of the first line with code at or after {@code line}, one per sequence of code.
     * {@code file} is the path the compiler recorded, or a path that ends like it.
     */
    public List<SectionOffset> breakpointOffsets(String file, int line) {
        Path wanted = Path.of(file);
        return lines.breakpointRows(recorded -> Path.of(recorded).endsWith(wanted), line).stream()
                .map(row -> new SectionOffset(elf.section(row.section()).name(), row.address())).toList();
    }

    private String functionName(int section, long offset) {
        return functions.functionAt(section, offset).map(DwarfFunction::name)
                .or(() -> symbolsIn(section).filter(ElfSymbol::isFunction).filter(s -> s.covers(offset))
                        .map(ElfSymbol::name).findFirst())
                .orElse(null);
    }

    /** Every range of code the line table describes, with its source line (for coverage). */
    public List<LineRange> lineRanges() {
        return lines.ranges(index -> elf.section(index).name());
    }

    /** The module's functions with code: their symbols (name, section, offset, size). */
    public List<FunctionSymbol> functions() {
        return elf.symbols().stream().filter(s -> s.isFunction() && s.isInSection() && s.size() > 0)
                .map(s -> new FunctionSymbol(s.name(), elf.section(s.sectionIndex()).name(), s.value(), s.size()))
                .toList();
    }

    /** Where the function named {@code function} begins: the source line of its first instruction. */
    public Optional<SourceLocation> definition(String function) {
        return elf.symbols().stream().filter(s -> s.isFunction() && s.isInSection() && s.name().equals(function))
                .findFirst().flatMap(s -> locate(s.sectionIndex(), s.value()));
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
