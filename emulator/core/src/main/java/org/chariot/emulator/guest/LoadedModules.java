package org.chariot.emulator.guest;

import java.io.IOException;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import org.chariot.emulator.mmu.MemoryFault;
import org.chariot.emulator.symbols.KernelSymbols;

/**
 * The guest kernel's list of loaded modules, read from guest memory without help from the guest:
 * the {@code modules} list head from the kit's System.map, and {@code struct module} and its
 * {@code sect_attrs} (the addresses {@code /sys/module/<name>/sections/} shows) with the kit's
 * struct offsets ({@code offsets.properties}).
 */
public final class LoadedModules {

    /** Reads guest memory at a virtual address, as the kernel sees it. */
    @FunctionalInterface
    public interface VirtualMemory {
        byte[] read(long address, int length) throws MemoryFault;
    }

    /** One module: its name, its {@code struct module}, its core and init layouts and its sections. */
    public record Module(String name, long address, int state, Layout core, Layout init, List<Section> sections) {

        /** The section called {@code name}, e.g. {@code .text}. */
        public Optional<Section> section(String sectionName) {
            return sections.stream().filter(s -> s.name().equals(sectionName)).findFirst();
        }
    }

    /** Where a part of the module lies: {@code base}, total {@code size}, of which {@code textSize} is code. */
    public record Layout(long base, long size, long textSize) {
    }

    /** An allocated section of the module and where the kernel put it. */
    public record Section(String name, long address) {
    }

    private static final int MAX_MODULES = 4096;
    private static final int MAX_SECTIONS = 256;
    private static final int MAX_SECTION_NAME = 128;

    private final long listHead;
    private final Offsets offsets;

    private LoadedModules(long listHead, Offsets offsets) {
        this.listHead = listHead;
        this.offsets = offsets;
    }

    /** For the kernel of a guest kit: its System.map and offsets.properties. */
    public static LoadedModules of(GuestKit kit) throws IOException {
        return of(KernelSymbols.load(kit.systemMap()), kit.offsets());
    }

    public static LoadedModules of(KernelSymbols kernel, Path offsetsFile) throws IOException {
        long head = kernel.address("modules").orElseThrow(() -> new IOException(
                "the kernel's System.map has no 'modules' symbol: build the kernel with CONFIG_MODULES and KALLSYMS"));
        return new LoadedModules(head, Offsets.load(offsetsFile));
    }

    /** Every module on the kernel's list, in list order (the newest first). */
    public List<Module> list(VirtualMemory memory) throws MemoryFault {
        List<Module> modules = new ArrayList<>();
        long link = pointer(memory, listHead);
        while (link != listHead) {
            if (modules.size() == MAX_MODULES) {
                throw new IllegalStateException("the guest's module list does not end after " + MAX_MODULES
                        + " entries: it is corrupt, or not yet initialised");
            }
            long module = link - offsets.get("module.list");
            modules.add(read(memory, module));
            link = pointer(memory, link);
        }
        return modules;
    }

    /** The module whose {@code struct module} is at {@code address} (as {@code do_init_module} gets it in a0). */
    public Module read(VirtualMemory memory, long address) throws MemoryFault {
        return new Module(name(memory, address), address, (int) word(memory, address + offsets.get("module.state"), 4),
                layout(memory, address + offsets.get("module.core_layout")),
                layout(memory, address + offsets.get("module.init_layout")),
                sections(memory, address));
    }

    private String name(VirtualMemory memory, long module) throws MemoryFault {
        return string(memory.read(module + offsets.get("module.name"), (int) offsets.get("sizeof.module.name")));
    }

    private Layout layout(VirtualMemory memory, long layout) throws MemoryFault {
        return new Layout(pointer(memory, layout + offsets.get("module_layout.base")),
                word(memory, layout + offsets.get("module_layout.size"), 4),
                word(memory, layout + offsets.get("module_layout.text_size"), 4));
    }

    private List<Section> sections(VirtualMemory memory, long module) throws MemoryFault {
        long attributes = pointer(memory, module + offsets.get("module.sect_attrs"));
        if (attributes == 0) {
            return List.of();
        }
        long count = word(memory, attributes + offsets.get("module_sect_attrs.nsections"), 4);
        if (count > MAX_SECTIONS) {
            throw new IllegalStateException("module at 0x" + Long.toHexString(module) + " claims " + count
                    + " sections: its sect_attrs is corrupt or the kit's offsets do not match the kernel");
        }
        List<Section> sections = new ArrayList<>();
        long first = attributes + offsets.get("module_sect_attrs.attrs");
        for (int i = 0; i < count; i++) {
            long attribute = first + i * offsets.get("sizeof.module_sect_attr");
            long name = pointer(memory, attribute + offsets.get("module_sect_attr.name"));
            sections.add(new Section(cString(memory, name), pointer(memory, attribute + offsets.get("module_sect_attr.address"))));
        }
        return List.copyOf(sections);
    }

    private static String cString(VirtualMemory memory, long address) throws MemoryFault {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < MAX_SECTION_NAME; i++) {
            int b = memory.read(address + i, 1)[0] & 0xff;
            if (b == 0) {
                break;
            }
            text.append((char) b);
        }
        return text.toString();
    }

    private static String string(byte[] bytes) {
        int end = 0;
        while (end < bytes.length && bytes[end] != 0) {
            end++;
        }
        return new String(bytes, 0, end, StandardCharsets.US_ASCII);
    }

    private static long pointer(VirtualMemory memory, long address) throws MemoryFault {
        return word(memory, address, 8);
    }

    private static long word(VirtualMemory memory, long address, int size) throws MemoryFault {
        ByteBuffer bytes = ByteBuffer.wrap(memory.read(address, size)).order(ByteOrder.LITTLE_ENDIAN);
        return size == 8 ? bytes.getLong() : bytes.getInt() & 0xffff_ffffL;
    }

    /** The kit's struct offsets; a missing key names the kit as too old. */
    private record Offsets(Path file, Properties values) {

        static Offsets load(Path file) throws IOException {
            Properties values = new Properties();
            try (Reader reader = Files.newBufferedReader(file)) {
                values.load(reader);
            }
            Offsets offsets = new Offsets(file, values);
            for (String key : List.of("module.list", "module.name", "sizeof.module.name", "module.state",
                    "module.core_layout", "module.init_layout", "module_layout.base", "module_layout.size",
                    "module_layout.text_size", "module.sect_attrs", "module_sect_attrs.nsections",
                    "module_sect_attrs.attrs", "sizeof.module_sect_attr", "module_sect_attr.name",
                    "module_sect_attr.address")) {
                offsets.get(key);
            }
            return offsets;
        }

        long get(String key) {
            String value = values.getProperty(key);
            if (value == null) {
                throw new IllegalArgumentException(file + " has no '" + key + "': the guest kit is older than this "
                        + "emulator; rebuild it with emulator/guest/build-kit.sh (or ./chariot setup)");
            }
            return value.startsWith("0x") ? Long.parseLong(value.substring(2), 16) : Long.parseLong(value);
        }
    }
}
