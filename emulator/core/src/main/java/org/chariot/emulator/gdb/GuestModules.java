package org.chariot.emulator.gdb;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.chariot.emulator.guest.GuestKit;
import org.chariot.emulator.guest.LoadedModules;
import org.chariot.emulator.symbols.KernelSymbols;

/**
 * What the stub needs to follow a Linux guest's modules: the kernel's symbols (for its hooks at
 * {@code do_init_module} and {@code free_module}), its module list, and the {@code .ko} files of
 * the modules the run loads, by module name; and, when the run isolates them, what the monitor saw.
 */
public record GuestModules(KernelSymbols kernel, LoadedModules modules, Map<String, Path> moduleFiles,
        Optional<IsolationLog> isolation) {

    public GuestModules {
        moduleFiles = Map.copyOf(moduleFiles);
    }

    /**
     * For a guest kit's kernel; {@code moduleFiles} maps module names as the kernel knows them
     * ({@code KernelModule.name()}: the file name without {@code .ko}, {@code -} turned into {@code _})
     * to their {@code .ko} files.
     */
    public static GuestModules of(GuestKit kit, Map<String, Path> moduleFiles, Optional<IsolationLog> isolation)
            throws IOException {
        return new GuestModules(KernelSymbols.load(kit.systemMap()), LoadedModules.of(kit), moduleFiles, isolation);
    }

    long symbol(String name) {
        return kernel.address(name).orElseThrow(() -> new IllegalArgumentException(
                "the kernel's System.map has no '" + name + "': build the kernel with CONFIG_MODULES and KALLSYMS_ALL"));
    }
}
