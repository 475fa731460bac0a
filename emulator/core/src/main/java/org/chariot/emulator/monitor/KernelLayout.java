package org.chariot.emulator.monitor;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.chariot.emulator.cpu.DebugAccess;
import org.chariot.emulator.mmu.MemoryFault;
import org.chariot.emulator.symbols.KernelSymbols;

/**
 * Where the guest kernel keeps what, to say what an illegal write or free hit: its image (text,
 * rodata, data and bss, from System.map) and its direct map of RAM, where its heap lives (from
 * {@code kernel_map.page_offset} up to {@code high_memory}, read from the guest when asked: the
 * kernel sets them while it boots). The direct map also shows the image's own RAM: such an alias
 * counts as the image part it shows.
 */
final class KernelLayout {

    /** A part of the kernel half of the address space. */
    enum Region {
        TEXT, RODATA,
        /** The image's data and bss: the kernel's globals. */
        DATA,
        /** RAM mapped one to one: slab objects, pages, page tables, kernel stacks. */
        DIRECT_MAP,
        /** Below the direct map: vmalloc space (and vmemmap, PCI I/O). */
        VMALLOC,
        /** Anything else in the kernel half: modules, fixmaps. */
        OTHER
    }

    private final DebugAccess guest;
    private final long imageStart, textEnd, rodataStart, rodataEnd, imageEnd;
    private final long kernelMap, highMemoryVariable;
    private final long pageOffsetField, linearOffsetField, imageOffsetField;

    /**
     * Where an address lies, and the kernel-image address it names: itself in the image, what the
     * direct map shows at it when that is the image's RAM, else 0.
     */
    record Place(Region region, long imageAddress) {
    }

    private KernelLayout(DebugAccess guest, KernelSymbols kernel, KitOffsets offsets) {
        this.guest = guest;
        this.imageStart = symbol(kernel, "_start");
        this.textEnd = symbol(kernel, "_etext");
        this.rodataStart = symbol(kernel, "__start_rodata");
        this.rodataEnd = symbol(kernel, "__end_rodata");
        this.imageEnd = symbol(kernel, "_end");
        this.kernelMap = symbol(kernel, "kernel_map");
        this.highMemoryVariable = symbol(kernel, "high_memory");
        String neededBy = "the monitor's reports";
        this.pageOffsetField = offsets.require("kernel_mapping.page_offset", neededBy);
        this.linearOffsetField = offsets.require("kernel_mapping.va_pa_offset", neededBy);
        this.imageOffsetField = offsets.require("kernel_mapping.va_kernel_pa_offset", neededBy);
    }

    static KernelLayout of(DebugAccess guest, KernelSymbols kernel, KitOffsets offsets) {
        return new KernelLayout(guest, kernel, offsets);
    }

    private static long symbol(KernelSymbols kernel, String name) {
        return kernel.address(name).orElseThrow(() -> new IllegalArgumentException(
                "the kernel's System.map has no '" + name + "': give the System.map of the Chariot guest kit"));
    }

    Region regionOf(long address) {
        return placeOf(address).region();
    }

    Place placeOf(long address) {
        if (within(address, imageStart, imageEnd)) {
            return new Place(imageRegion(address), address);
        }
        try {
            long directMap = pointer(kernelMap + pageOffsetField);
            if (address < 0 && Long.compareUnsigned(address, directMap) < 0) {
                return new Place(Region.VMALLOC, 0);
            }
            if (!within(address, directMap, pointer(highMemoryVariable))) {
                return new Place(Region.OTHER, 0);
            }
            long image = address - pointer(kernelMap + linearOffsetField) + pointer(kernelMap + imageOffsetField);
            return within(image, imageStart, imageEnd) ? new Place(imageRegion(image), image)
                    : new Place(Region.DIRECT_MAP, 0);
        } catch (MemoryFault e) {
            return new Place(Region.OTHER, 0);
        }
    }

    /** What a direct-map address minus its physical address is ({@code kernel_map.va_pa_offset}). */
    long directMapOffset() throws MemoryFault {
        return pointer(kernelMap + linearOffsetField);
    }

    /** Whether {@code address} is in the kernel image's text or rodata, which nobody writes once the kernel runs. */
    boolean isReadOnlyImage(long address) {
        return within(address, imageStart, textEnd) || within(address, rodataStart, rodataEnd);
    }

    private Region imageRegion(long address) {
        return within(address, imageStart, textEnd) ? Region.TEXT
                : within(address, rodataStart, rodataEnd) ? Region.RODATA : Region.DATA;
    }

    private long pointer(long variable) throws MemoryFault {
        return ByteBuffer.wrap(guest.readMemory(variable, 8)).order(ByteOrder.LITTLE_ENDIAN).getLong();
    }

    private static boolean within(long address, long start, long end) {
        return Long.compareUnsigned(address, start) >= 0 && Long.compareUnsigned(address, end) < 0;
    }
}
