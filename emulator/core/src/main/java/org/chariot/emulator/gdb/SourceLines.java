package org.chariot.emulator.gdb;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.chariot.emulator.cpu.DebugAccess;
import org.chariot.emulator.guest.LoadedModules;
import org.chariot.emulator.mmu.MemoryFault;
import org.chariot.emulator.symbols.KernelSymbols;
import org.chariot.emulator.symbols.ModuleSymbols;
import org.chariot.emulator.symbols.SectionOffset;
import org.chariot.emulator.symbols.SourceLocation;
import org.chariot.emulator.symbols.SymbolOffset;

/**
 * Source lines of the loaded driver modules, for front ends that do not read DWARF themselves (the
 * Chariot IDE): a pc to {@code file:line} and function, and a {@code file:line} to the addresses a
 * line breakpoint goes to. Kernel pcs are named by their System.map symbol. Used while the hart is
 * stopped; the modules' DWARF is read once per {@code .ko}.
 */
final class SourceLines {

    /**
     * Where a pc is: a driver line, or only a symbol ({@code name+0xoffset}, or {@code ??}); the
     * start of its function when a symbol covers it.
     */
    record Place(long pc, Optional<SourceLocation> source, String symbol, OptionalLong functionStart) {

        /** {@code 0xPC SYMBOL[ at FILE:LINE]}, the form monitor commands print. */
        String describe() {
            return String.format("0x%x %s", pc, symbol) + source.map(s -> " at " + s.file() + ":" + s.line()).orElse("");
        }
    }

    private final ModuleLibraries libraries;
    private final KernelSymbols kernel;
    private final Map<Path, ModuleSymbols> symbols = new HashMap<>();

    SourceLines(ModuleLibraries libraries, KernelSymbols kernel) {
        this.libraries = libraries;
        this.kernel = kernel;
    }

    Place where(DebugAccess hart, long pc) throws MemoryFault, IOException {
        for (LoadedModules.Module module : libraries.modules().list(hart::readMemory)) {
            Optional<ModuleSymbols> moduleSymbols = symbolsOf(module.name());
            Optional<SectionOffset> offset = moduleSymbols.flatMap(s -> s.sectionOffset(loadAddresses(module), pc));
            if (offset.isPresent()) {
                ModuleSymbols known = moduleSymbols.get();
                Optional<SymbolOffset> symbol = known.symbolAt(offset.get().section(), offset.get().offset());
                return new Place(pc, known.locate(offset.get().section(), offset.get().offset()),
                        symbol.map(SymbolOffset::shortForm).orElse(module.name() + offset.get().section()), start(pc, symbol));
            }
        }
        Optional<SymbolOffset> symbol = kernel.symbolAt(pc);
        return new Place(pc, Optional.empty(), symbol.map(SymbolOffset::shortForm).orElse("??"), start(pc, symbol));
    }

    private static OptionalLong start(long pc, Optional<SymbolOffset> symbol) {
        return symbol.map(s -> OptionalLong.of(pc - s.offset())).orElse(OptionalLong.empty());
    }

    /** The addresses of a line breakpoint on {@code file:line} in the loaded modules; empty if none has that line. */
    List<Long> breakpointAddresses(DebugAccess hart, String file, int line) throws MemoryFault, IOException {
        List<Long> addresses = new ArrayList<>();
        for (LoadedModules.Module module : libraries.modules().list(hart::readMemory)) {
            Optional<ModuleSymbols> moduleSymbols = symbolsOf(module.name());
            if (moduleSymbols.isEmpty()) {
                continue;
            }
            Map<String, Long> loaded = loadAddresses(module);
            for (SectionOffset offset : moduleSymbols.get().breakpointOffsets(file, line)) {
                Long base = loaded.get(offset.section());
                if (base != null) {
                    addresses.add(base + offset.offset());
                }
            }
        }
        return addresses;
    }

    private Optional<ModuleSymbols> symbolsOf(String module) throws IOException {
        Optional<Path> ko = libraries.file(module);
        if (ko.isEmpty()) {
            return Optional.empty();
        }
        ModuleSymbols known = symbols.get(ko.get());
        if (known == null) {
            known = ModuleSymbols.load(ko.get());
            symbols.put(ko.get(), known);
        }
        return Optional.of(known);
    }

    private static Map<String, Long> loadAddresses(LoadedModules.Module module) {
        Map<String, Long> addresses = new LinkedHashMap<>();
        module.sections().forEach(section -> addresses.put(section.name(), section.address()));
        return addresses;
    }
}
