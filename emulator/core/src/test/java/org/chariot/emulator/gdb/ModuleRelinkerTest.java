package org.chariot.emulator.gdb;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.chariot.emulator.guest.LoadedModules;
import org.junit.jupiter.api.Test;

class ModuleRelinkerTest {

    @Test
    void linkerScriptPlacesEachLoadedSectionAtItsRuntimeAddress() {
        LoadedModules.Layout none = new LoadedModules.Layout(0, 0, 0);
        LoadedModules.Module module = new LoadedModules.Module("hello", 0xffffffff002a2040L, 0, none, none, List.of(
                new LoadedModules.Section(".init.text", 0xffffffff002a5000L),
                new LoadedModules.Section(".rodata.str1.8", 0xffffffff002a1088L),
                new LoadedModules.Section("__param", 0xffffffff002a10c8L),
                new LoadedModules.Section(".symtab", 0xffffffff002a7000L),
                new LoadedModules.Section(".strange name", 0xffffffff002a9000L),
                new LoadedModules.Section(".freed", 0)));
        assertEquals("""
                SECTIONS {
                  .init.text 0xffffffff002a5000 : { *(.init.text) }
                  .rodata.str1.8 0xffffffff002a1088 : { *(.rodata.str1.8) }
                  __param 0xffffffff002a10c8 : { *(__param) }
                }
                """, ModuleRelinker.linkerScript(module));
    }
}
