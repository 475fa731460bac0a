package org.chariot.emulator.guest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.chariot.emulator.symbols.ElfFile;
import org.chariot.emulator.symbols.ElfSection;

/**
 * What a module says of itself in its {@code .modinfo} section (NUL-separated {@code key=value}
 * strings written by {@code MODULE_*} macros and modpost): the modules it needs loaded first
 * ({@code depends}, names as in the file names) and its description.
 */
public record ModuleInfo(List<String> dependencies, String description) {

    public ModuleInfo {
        dependencies = List.copyOf(dependencies);
    }

    /** Reads the {@code .modinfo} of the module file {@code ko}; a module without one needs nothing. */
    public static ModuleInfo read(Path ko) throws GuestToolException {
        ElfFile elf;
        try {
            elf = ElfFile.read(ko);
        } catch (IOException e) {
            throw new GuestToolException("cannot read the module " + ko + ": " + e.getMessage(), e);
        }
        Optional<ElfSection> section = elf.section(".modinfo");
        return section.isEmpty() ? new ModuleInfo(List.of(), "") : parse(elf.contents(section.get()));
    }

    static ModuleInfo parse(byte[] modinfo) {
        List<String> dependencies = new ArrayList<>();
        String description = "";
        for (String entry : new String(modinfo, StandardCharsets.UTF_8).split("\0")) {
            if (entry.startsWith("depends=")) {
                Arrays.stream(entry.substring("depends=".length()).split(","))
                        .filter(name -> !name.isBlank()).forEach(dependencies::add);
            } else if (entry.startsWith("description=") && description.isEmpty()) {
                description = entry.substring("description=".length());
            }
        }
        return new ModuleInfo(dependencies, description);
    }
}
