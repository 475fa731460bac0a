package org.chariot.emulator.gdb;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.chariot.emulator.cpu.DebugAccess;
import org.chariot.emulator.guest.LoadedModules;
import org.chariot.emulator.mmu.MemoryFault;
import org.chariot.emulator.symbols.ElfFile;
import org.chariot.emulator.symbols.ElfSegment;

/**
 * The driver modules the guest has loaded, as GDB's "libraries" ({@code qXfer:libraries:read}):
 * when the kernel is about to run a module's init ({@code do_init_module}, the stub's own hook),
 * the module's {@code .ko} (if the run was given one) is relinked at its runtime addresses and
 * added to the list; when the kernel frees it ({@code free_module}) it is removed. GDB re-reads
 * the list at each stop that says {@code library:}, loads the symbols, and so resolves pending
 * breakpoints on the driver's functions before its init runs.
 */
final class ModuleLibraries {

    /** A relinked module: its ELF and the addresses of the ELF's loadable segments. */
    record Library(String module, Path elf, List<Long> segments) {
    }

    private static final int A0 = 10;

    private final LoadedModules modules;
    private final Map<String, Path> moduleFiles;
    private final ModuleRelinker relinker;
    /** Touched on the machine's thread by hooks, and the session's while the hart is stopped. */
    private final Map<String, Library> libraries = new LinkedHashMap<>();
    private final List<String> problems = new ArrayList<>();

    /** @param moduleFiles the {@code .ko} of each module the run loads, by module name */
    ModuleLibraries(LoadedModules modules, Map<String, Path> moduleFiles, ModuleRelinker relinker) {
        this.modules = modules;
        this.moduleFiles = Map.copyOf(moduleFiles);
        this.relinker = relinker;
    }

    LoadedModules modules() {
        return modules;
    }

    /** The hook at {@code do_init_module(struct module *mod)}: the module's sections are in place. */
    synchronized boolean moduleLoading(DebugAccess hart) {
        try {
            LoadedModules.Module module = modules.read(hart::readMemory, hart.x(A0));
            return moduleFiles.containsKey(module.name()) && add(module).isPresent();
        } catch (MemoryFault | RuntimeException e) {
            problems.add("reading the module being loaded failed: " + e.getMessage());
            return false;
        }
    }

    /** The hook at {@code free_module(struct module *mod)}. */
    synchronized boolean moduleFreed(DebugAccess hart) {
        try {
            String name = modules.read(hart::readMemory, hart.x(A0)).name();
            return libraries.remove(name) != null;
        } catch (MemoryFault | RuntimeException e) {
            problems.add("reading the module being freed failed: " + e.getMessage());
            return false;
        }
    }

    /** Relinks {@code module} if the run has its {@code .ko}; empty (with a recorded problem) if that failed. */
    synchronized Optional<Library> add(LoadedModules.Module module) {
        Path ko = moduleFiles.get(module.name());
        if (ko == null) {
            return Optional.empty();
        }
        try {
            Path elf = relinker.relink(module, ko);
            List<Long> segments = ElfFile.read(elf).segments().stream().map(ElfSegment::physicalAddress).toList();
            Library library = new Library(module.name(), elf, segments);
            libraries.put(module.name(), library);
            return Optional.of(library);
        } catch (IOException e) {
            problems.add("relinking " + module.name() + " (" + ko + ") failed: " + e.getMessage());
            return Optional.empty();
        }
    }

    synchronized Optional<Library> library(String module) {
        return Optional.ofNullable(libraries.get(module));
    }

    synchronized boolean hasFile(String module) {
        return moduleFiles.containsKey(module);
    }

    /** The {@code .ko} the run was given for {@code module}. */
    Optional<Path> file(String module) {
        return Optional.ofNullable(moduleFiles.get(module));
    }

    synchronized List<String> problems() {
        return List.copyOf(problems);
    }

    /** The {@code qXfer:libraries:read} document. */
    synchronized String libraryListXml() {
        StringBuilder xml = new StringBuilder("<library-list>\n");
        for (Library library : libraries.values()) {
            xml.append("  <library name=\"").append(escape(library.elf().toString())).append("\">");
            for (long segment : library.segments()) {
                xml.append(String.format("<segment address=\"0x%x\"/>", segment));
            }
            xml.append("</library>\n");
        }
        return xml.append("</library-list>\n").toString();
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
