package org.chariot.emulator.reports;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.chariot.emulator.guest.KernelModule;
import org.chariot.emulator.monitor.Frame;
import org.chariot.emulator.monitor.ModuleSection;
import org.chariot.emulator.monitor.Violation;
import org.chariot.emulator.symbols.ModuleSymbols;
import org.chariot.emulator.symbols.SectionOffset;
import org.chariot.emulator.symbols.SourceLocation;

/**
 * Names the code of a run's modules from their DWARF: where a function begins, and which functions
 * (inlined ones too) a violation's call trace passes through, once the module's load addresses are
 * known. Modules whose debug information cannot be read name nothing.
 */
final class CodeNames {

    private final Map<String, ModuleSymbols> symbols = new LinkedHashMap<>();
    private final Map<String, Map<String, Long>> loadAddresses = new HashMap<>();

    CodeNames(List<KernelModule> modules) {
        for (KernelModule module : modules) {
            try {
                symbols.put(module.name(), ModuleSymbols.load(module.file()));
            } catch (IOException e) {
                // Without readable debug information the module's code stays unnamed; its tests are still reported.
            }
        }
    }

    void loaded(String module, List<ModuleSection> sections) {
        Map<String, Long> addresses = new HashMap<>();
        sections.forEach(section -> addresses.put(section.name(), section.address()));
        loadAddresses.put(module, addresses);
    }

    /** Where {@code function} begins in any of the modules. */
    Optional<Frame> definition(String function) {
        for (ModuleSymbols module : symbols.values()) {
            Optional<SourceLocation> found = module.definition(function);
            if (found.isPresent()) {
                return Optional.of(new Frame(0, function, found.get().file(), found.get().line()));
            }
        }
        return Optional.empty();
    }

    /** The functions of the loaded modules that the violation's call trace passes through, innermost first. */
    List<String> functionsOnStack(Violation violation) {
        List<String> names = new ArrayList<>();
        for (Frame frame : violation.stack()) {
            symbols.forEach((module, code) -> {
                Map<String, Long> addresses = loadAddresses.get(module);
                if (addresses != null) {
                    code.sectionOffset(addresses, frame.pc()).ifPresent((SectionOffset at) -> code
                            .frames(at.section(), at.offset()).forEach(location -> names.add(location.function())));
                }
            });
        }
        return names;
    }
}
