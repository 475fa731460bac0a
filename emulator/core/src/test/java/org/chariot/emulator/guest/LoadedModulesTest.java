package org.chariot.emulator.guest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.chariot.emulator.mmu.MemoryFault;
import org.chariot.emulator.symbols.KernelSymbols;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The module list as the 6.1 guest kernel lays it out, in a fake guest memory. */
class LoadedModulesTest {

    private static final String OFFSETS = """
            module.state=0x0
            module.list=0x8
            module.name=0x18
            sizeof.module.name=56
            module.core_layout=0x138
            module.init_layout=0x150
            module.sect_attrs=0x1e8
            module_sect_attrs.nsections=0x28
            module_sect_attrs.attrs=0x30
            sizeof.module_sect_attr=72
            module_sect_attr.name=0x0
            module_sect_attr.address=0x40
            module_layout.base=0x0
            module_layout.size=0x8
            module_layout.text_size=0xc
            """;
    private static final long HEAD = 0xffffffff80243960L;
    private static final long HELLO = 0xffffffff002a2040L, CHARDEV = 0xffffffff002a7080L;

    @TempDir
    Path dir;
    private final Map<Long, Byte> memory = new HashMap<>();
    private LoadedModules modules;

    @BeforeEach
    void kernel() throws IOException {
        Path map = dir.resolve("System.map");
        Files.writeString(map, "ffffffff800294a2 t do_init_module\n" + Long.toHexString(HEAD) + " D modules\n");
        Path offsets = dir.resolve("offsets.properties");
        Files.writeString(offsets, OFFSETS);
        modules = LoadedModules.of(KernelSymbols.load(map), offsets);
    }

    @Test
    void readsEveryModuleOnTheListWithLayoutsAndSections() throws MemoryFault {
        link(HEAD, CHARDEV + 8);
        link(CHARDEV + 8, HELLO + 8);
        link(HELLO + 8, HEAD);
        module(CHARDEV, "chardev", 1, 0xffffffff002a5000L, 0xffffffff002ad000L,
                Map.of(".text", 0xffffffff002a5000L, ".init.text", 0xffffffff002ad000L, ".bss", 0xffffffff002a7300L));
        module(HELLO, "hello", 0, 0xffffffff002a0000L, 0, Map.of(".init.text", 0xffffffff002a5000L));

        List<LoadedModules.Module> loaded = modules.list(this::read);

        assertEquals(List.of("chardev", "hello"), loaded.stream().map(LoadedModules.Module::name).toList());
        LoadedModules.Module chardev = loaded.getFirst();
        assertEquals(1, chardev.state());
        assertEquals(new LoadedModules.Layout(0xffffffff002a5000L, 0x7000, 0x1000), chardev.core());
        assertEquals(0xffffffff002ad000L, chardev.init().base());
        assertEquals(0xffffffff002a7300L, chardev.section(".bss").orElseThrow().address());
        assertEquals(3, chardev.sections().size());
        assertEquals(0xffffffff002a5000L, loaded.get(1).section(".init.text").orElseThrow().address());
    }

    @Test
    void anEmptyListHasNoModules() throws MemoryFault {
        link(HEAD, HEAD);
        assertTrue(modules.list(this::read).isEmpty());
    }

    @Test
    void aListThatNeverComesBackIsReportedAsCorrupt() {
        link(HEAD, HELLO + 8);
        link(HELLO + 8, HELLO + 8);
        module(HELLO, "hello", 0, 0, 0, Map.of());
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> modules.list(this::read));
        assertTrue(e.getMessage().contains("does not end"), e.getMessage());
    }

    @Test
    void unreadableGuestMemoryIsAFault() {
        assertThrows(MemoryFault.class, () -> modules.list(this::read));
    }

    @Test
    void aKitWithoutTheSectionOffsetsIsNamedTooOld() throws IOException {
        Path old = dir.resolve("old.properties");
        Files.writeString(old, OFFSETS.replace("module.sect_attrs=0x1e8\n", ""));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> LoadedModules.of(KernelSymbols.load(dir.resolve("System.map")), old));
        assertTrue(e.getMessage().contains("module.sect_attrs") && e.getMessage().contains("build-kit.sh"), e.getMessage());
    }

    private void module(long address, String name, int state, long core, long init, Map<String, Long> sections) {
        put(address, 4, state);
        byte[] bytes = name.getBytes(StandardCharsets.US_ASCII);
        for (int i = 0; i < 56; i++) {
            memory.put(address + 0x18 + i, i < bytes.length ? bytes[i] : 0);
        }
        put(address + 0x138, 8, core);
        put(address + 0x140, 4, core == 0 ? 0 : 0x7000);
        put(address + 0x144, 4, core == 0 ? 0 : 0x1000);
        put(address + 0x150, 8, init);
        put(address + 0x158, 4, 0);
        put(address + 0x15c, 4, 0);
        long attributes = address + 0x1000;
        put(address + 0x1e8, 8, attributes);
        put(attributes + 0x28, 4, sections.size());
        int i = 0;
        for (Map.Entry<String, Long> section : sections.entrySet()) {
            long attribute = attributes + 0x30 + 72L * i;
            long nameAddress = attributes + 0x800 + 0x40L * i;
            put(attribute, 8, nameAddress);
            put(attribute + 0x40, 8, section.getValue());
            byte[] sectionName = section.getKey().getBytes(StandardCharsets.US_ASCII);
            for (int k = 0; k <= sectionName.length; k++) {
                memory.put(nameAddress + k, k < sectionName.length ? sectionName[k] : 0);
            }
            i++;
        }
    }

    private void link(long listHead, long next) {
        put(listHead, 8, next);
    }

    private void put(long address, int size, long value) {
        for (int i = 0; i < size; i++) {
            memory.put(address + i, (byte) (value >>> (8 * i)));
        }
    }

    private byte[] read(long address, int length) throws MemoryFault {
        byte[] bytes = new byte[length];
        for (int i = 0; i < length; i++) {
            Byte b = memory.get(address + i);
            if (b == null) {
                throw new MemoryFault(13, address + i);
            }
            bytes[i] = b;
        }
        return bytes;
    }
}
