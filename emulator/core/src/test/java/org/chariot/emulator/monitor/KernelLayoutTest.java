package org.chariot.emulator.monitor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import org.chariot.emulator.symbols.KernelSymbols;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where a kernel address lies: the image's parts, the direct map, and the image seen through the direct map. */
class KernelLayoutTest {

    private static final long IMAGE = 0xffffffff80000000L, RODATA = 0xffffffff80140000L, GLOBAL = 0xffffffff8028c2b0L;
    private static final long KERNEL_MAP = 0xffffffff801d0160L, HIGH_MEMORY = 0xffffffff8028d628L;
    private static final long PAGE_OFFSET = 0xffffffd800000000L, RAM = 0x80000000L, RAM_SIZE = 128L << 20;
    /** The kernel's image is loaded 2 MiB into RAM. */
    private static final long IMAGE_RAM = RAM + 0x200000;

    @TempDir
    Path directory;

    private KernelLayout layout;

    @BeforeEach
    void kernel() throws Exception {
        Path systemMap = Files.writeString(directory.resolve("System.map"), String.join("\n",
                "ffffffff80000000 T _start", "ffffffff8013f000 T _etext", "ffffffff80140000 D __start_rodata",
                "ffffffff801d0160 D kernel_map", "ffffffff801f0000 D __end_rodata", "ffffffff8028c2b0 D loops_per_jiffy",
                "ffffffff8028d628 B high_memory", "ffffffff802d7388 B _end", ""));
        KitOffsets offsets = KitOffsets.load(Files.writeString(directory.resolve("offsets.properties"),
                "kernel_mapping.page_offset=0x0\nkernel_mapping.va_pa_offset=0x20\n"
                        + "kernel_mapping.va_kernel_pa_offset=0x28\n"));
        FakeGuest guest = new FakeGuest().word(KERNEL_MAP, PAGE_OFFSET).word(KERNEL_MAP + 0x20, PAGE_OFFSET - RAM)
                .word(KERNEL_MAP + 0x28, IMAGE - IMAGE_RAM).word(HIGH_MEMORY, PAGE_OFFSET + RAM_SIZE);
        layout = KernelLayout.of(guest, KernelSymbols.load(systemMap), offsets);
    }

    private static long alias(long imageAddress) {
        return PAGE_OFFSET + imageAddress - IMAGE + IMAGE_RAM - RAM;
    }

    @Test
    void placesTheImagesParts() {
        assertEquals(new KernelLayout.Place(KernelLayout.Region.TEXT, IMAGE + 0x10), layout.placeOf(IMAGE + 0x10));
        assertEquals(new KernelLayout.Place(KernelLayout.Region.RODATA, RODATA), layout.placeOf(RODATA));
        assertEquals(new KernelLayout.Place(KernelLayout.Region.DATA, GLOBAL), layout.placeOf(GLOBAL));
    }

    @Test
    void seesTheImageThroughItsAliasInTheDirectMap() {
        assertEquals(new KernelLayout.Place(KernelLayout.Region.DATA, GLOBAL), layout.placeOf(alias(GLOBAL)));
        assertEquals(new KernelLayout.Place(KernelLayout.Region.RODATA, RODATA), layout.placeOf(alias(RODATA)));
    }

    @Test
    void placesTheRestOfRamInTheDirectMapVmallocBelowItAndEverythingElseOutside() {
        assertEquals(new KernelLayout.Place(KernelLayout.Region.DIRECT_MAP, 0), layout.placeOf(PAGE_OFFSET + 0x2345678));
        assertEquals(new KernelLayout.Place(KernelLayout.Region.OTHER, 0), layout.placeOf(PAGE_OFFSET + RAM_SIZE));
        assertEquals(new KernelLayout.Place(KernelLayout.Region.VMALLOC, 0), layout.placeOf(0xffffffc800000000L),
                "Sv39's vmalloc space lies below the direct map");
    }
}
