package org.chariot.emulator.coverage;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import org.chariot.emulator.guest.KernelModule;
import org.chariot.emulator.symbols.FunctionSymbol;
import org.chariot.emulator.symbols.LineRange;
import org.chariot.emulator.symbols.ModuleSymbols;

/**
 * Line, function and branch coverage of a run's isolated modules: the instruction counts mapped to
 * source lines through each module's DWARF line table. A module's own sources are the files under
 * its {@code .ko}'s directory (where Kbuild built it); kernel headers inlined into it are left out,
 * unless no file is there (a module built elsewhere), when every file is kept.
 */
public record CoverageReport(Map<String, List<FileCoverage>> modules) {

    public CoverageReport {
        modules = Collections.unmodifiableMap(new LinkedHashMap<>(modules));
    }

    public static CoverageReport of(ExecutionCounts counts) throws IOException {
        Map<String, List<FileCoverage>> modules = new LinkedHashMap<>();
        for (KernelModule module : counts.modules()) {
            modules.put(module.name(), files(module, ModuleSymbols.load(module.file()), counts));
        }
        return new CoverageReport(modules);
    }

    private static List<FileCoverage> files(KernelModule module, ModuleSymbols symbols, ExecutionCounts counts) {
        List<LineRange> ranges = ownSources(symbols.lineRanges(), module.file().toAbsolutePath().getParent());
        Map<String, SortedMap<Integer, Integer>> lines = new LinkedHashMap<>();
        Map<String, List<FileCoverage.Branch>> branches = new LinkedHashMap<>();
        for (LineRange range : ranges) {
            SectionCounts section = counts.of(module.name(), range.section());
            int hits = 0;
            List<FileCoverage.Branch> ofFile = branches.computeIfAbsent(range.file(), f -> new ArrayList<>());
            for (long offset = range.start(); section != null && offset < range.end(); offset += 2) {
                int index = (int) (offset >>> 1);
                if (index >= section.executed.length) {
                    break;
                }
                hits = Math.max(hits, section.executed[index]);
                if (section.branch[index]) {
                    int line = range.line();
                    int block = (int) ofFile.stream().filter(b -> b.line() == line).count();
                    ofFile.add(new FileCoverage.Branch(line, block, section.taken[index], section.fellThrough[index]));
                }
            }
            lines.computeIfAbsent(range.file(), f -> new TreeMap<>()).merge(range.line(), hits, Math::max);
        }
        Map<String, List<FileCoverage.Function>> functions = new LinkedHashMap<>();
        for (FunctionSymbol function : symbols.functions()) {
            firstLine(ranges, function).ifPresent(range -> {
                SectionCounts section = counts.of(module.name(), function.section());
                int entered = section == null ? 0 : section.executedAt(function.offset());
                functions.computeIfAbsent(range.file(), f -> new ArrayList<>())
                        .add(new FileCoverage.Function(function.name(), range.line(), entered));
            });
        }
        List<FileCoverage> files = new ArrayList<>();
        lines.forEach((file, hits) -> files.add(new FileCoverage(file, hits, functions.getOrDefault(file, List.of()),
                branches.getOrDefault(file, List.of()))));
        return files;
    }

    private static List<LineRange> ownSources(List<LineRange> all, Path directory) {
        List<LineRange> own = all.stream().filter(r -> directory != null && Path.of(r.file()).startsWith(directory))
                .toList();
        return own.isEmpty() ? all : own;
    }

    private static Optional<LineRange> firstLine(List<LineRange> ranges, FunctionSymbol function) {
        return ranges.stream().filter(r -> r.section().equals(function.section()) && r.start() <= function.offset()
                && function.offset() < r.end()).findFirst();
    }
}
