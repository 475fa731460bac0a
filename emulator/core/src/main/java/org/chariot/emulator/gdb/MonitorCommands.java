package org.chariot.emulator.gdb;

import java.util.List;
import java.util.Optional;
import org.chariot.emulator.cpu.DebugAccess;
import org.chariot.emulator.guest.LoadedModules;
import org.chariot.emulator.mmu.MemoryFault;

/** GDB's {@code monitor} commands ({@code qRcmd}), run while the hart is stopped; each returns the text to print. */
final class MonitorCommands {

    static final String HELP = """
            monitor help                      this list
            monitor chariot modules           the guest's loaded modules: layouts and section addresses
            monitor chariot symbols MODULE    the GDB command that loads MODULE's symbols with correct lines
            monitor chariot violations        the isolated drivers' violations so far, one line each
            monitor chariot where ADDRESS     the driver source line (or kernel symbol) of an address
            monitor chariot frames            the call stack, innermost first, with driver source lines
            monitor chariot lines FILE:LINE   the addresses where a breakpoint on a driver's source line goes
            """;

    private final DebugAccess hart;
    /** Absent when the run has no guest kernel (bare-metal programs). */
    private final Optional<ModuleLibraries> libraries;
    /** Absent when the run isolates no module. */
    private final Optional<IsolationLog> isolation;
    /** Absent when the run has no guest kernel. */
    private final Optional<SourceLines> sourceLines;

    MonitorCommands(DebugAccess hart, Optional<ModuleLibraries> libraries, Optional<IsolationLog> isolation,
            Optional<SourceLines> sourceLines) {
        this.hart = hart;
        this.libraries = libraries;
        this.isolation = isolation;
        this.sourceLines = sourceLines;
    }

    String run(String command) {
        List<String> words = List.of(command.trim().split("\\s+"));
        if (words.equals(List.of("help")) || words.equals(List.of(""))) {
            return HELP;
        }
        if (words.size() == 3 && words.subList(0, 2).equals(List.of("chariot", "symbols"))) {
            return symbols(words.get(2));
        }
        if (words.equals(List.of("chariot", "modules"))) {
            return modules();
        }
        if (words.equals(List.of("chariot", "violations"))) {
            return violations();
        }
        if (words.size() >= 2 && words.get(0).equals("chariot") && SourceCommand.NAMES.contains(words.get(1))) {
            String argument = String.join(" ", words.subList(2, words.size()));
            return sourceLines.map(lines -> new SourceCommand(hart, lines).run(words.get(1), argument))
                    .orElse("this run has no guest kernel, so no driver source lines\n");
        }
        return "unknown monitor command '" + command.trim() + "'; try 'monitor help'\n";
    }

    private String violations() {
        if (isolation.isEmpty()) {
            return "this run isolates no module (run it without --no-isolate, on our machine)\n";
        }
        List<String> lines = isolation.get().violationLines();
        return lines.isEmpty() ? "no violations so far\n" : String.join("\n", lines) + "\n";
    }

    private String modules() {
        if (libraries.isEmpty()) {
            return "this run has no guest kernel, so no modules\n";
        }
        StringBuilder text = new StringBuilder();
        try {
            List<LoadedModules.Module> loaded = libraries.get().modules().list(hart::readMemory);
            if (loaded.isEmpty()) {
                text.append("no modules are loaded\n");
            }
            for (LoadedModules.Module module : loaded) {
                describe(module, text);
            }
        } catch (MemoryFault | RuntimeException e) {
            text.append("cannot read the guest's module list: ").append(e.getMessage())
                    .append(" (the kernel may not have set it up yet; continue until it has booted)\n");
        }
        libraries.get().problems().forEach(problem -> text.append("problem: ").append(problem).append('\n'));
        return text.toString();
    }

    private static void describe(LoadedModules.Module module, StringBuilder text) {
        text.append(String.format("%s  struct module 0x%x  state %d%n", module.name(), module.address(), module.state()));
        text.append(String.format("  core 0x%x size 0x%x text 0x%x%n", module.core().base(), module.core().size(),
                module.core().textSize()));
        text.append(String.format("  init 0x%x size 0x%x text 0x%x%n", module.init().base(), module.init().size(),
                module.init().textSize()));
        for (LoadedModules.Section section : module.sections()) {
            text.append(String.format("  %-28s 0x%x%n", section.name(), section.address()));
        }
    }

    private String symbols(String name) {
        if (libraries.isEmpty()) {
            return "this run has no guest kernel, so no modules\n";
        }
        ModuleLibraries known = libraries.get();
        if (!known.hasFile(name)) {
            return "this run was not given a .ko for module '" + name + "'; only the driver under test has one\n";
        }
        try {
            Optional<LoadedModules.Module> module = known.modules().list(hart::readMemory).stream()
                    .filter(m -> m.name().equals(name)).findFirst();
            if (module.isEmpty()) {
                return "module '" + name + "' is not loaded (yet). Set breakpoints on its functions anyway: they stay "
                        + "pending, and GDB loads its symbols by itself when the guest loads it.\n";
            }
            return known.library(name).or(() -> known.add(module.get()))
                    .map(library -> "add-symbol-file " + library.elf() + "\n")
                    .orElse("relinking '" + name + "' failed: " + String.join("; ", known.problems()) + "\n");
        } catch (MemoryFault e) {
            return "cannot read the guest's module list: " + e.getMessage() + "\n";
        }
    }
}
