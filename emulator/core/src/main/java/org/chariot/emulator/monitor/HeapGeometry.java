package org.chariot.emulator.monitor;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.chariot.emulator.cpu.DebugAccess;
import org.chariot.emulator.mmu.MemoryFault;
import org.chariot.emulator.symbols.KernelSymbols;

/**
 * Where a heap object's neighbours begin, read from the guest's own allocator: the bytes after an
 * object up to the end of its slab slot's in-use part (the slack the driver did not ask for and the
 * right redzone), the left redzone before it when the cache has redzones ({@code slub_debug=Z}),
 * and for memory from the page allocator or vmalloc the rest of its last page. These are the guards
 * of the ACT: no object's bytes, so an overflow into them is caught even when the next object is
 * the driver's own. Assumes the kit's FLATMEM kernel: {@code struct page}s in {@code mem_map} from
 * the first page of RAM ({@code phys_ram_base}).
 */
final class HeapGeometry {

    /** {@code SLAB_RED_ZONE} of include/linux/slab.h (a macro: not in the DWARF). */
    private static final long SLAB_RED_ZONE = 0x400;
    private static final long PAGE_SIZE = AccessControlTable.PAGE_SIZE;

    private final DebugAccess guest;
    private final KernelLayout layout;
    private final long memMap, physRamBase;
    private final long pageSize, flagsField, compoundHead, slabBit, slabCache, ownerFieldsStart, ownerFieldsEnd;
    private final long cacheFlags, cacheObjectSize, cacheSize, cacheInuse, cacheRedLeftPad;

    HeapGeometry(DebugAccess guest, KernelLayout layout, KernelSymbols kernel, KitOffsets offsets) {
        this.guest = guest;
        this.layout = layout;
        String neededBy = "the guards around heap objects";
        this.memMap = kernel.address("mem_map").orElseThrow(() -> new IllegalArgumentException(
                "the kernel's System.map has no 'mem_map': the monitor needs the kit's FLATMEM kernel"));
        this.physRamBase = kernel.address("phys_ram_base").orElseThrow(() -> new IllegalArgumentException(
                "the kernel's System.map has no 'phys_ram_base': give the System.map of the Chariot guest kit"));
        this.pageSize = offsets.require("sizeof.page", neededBy);
        this.flagsField = offsets.require("page.flags", neededBy);
        this.compoundHead = offsets.require("page.compound_head", neededBy);
        this.ownerFieldsStart = offsets.require("page.lru", neededBy);
        this.ownerFieldsEnd = offsets.require("page.private", neededBy) + Long.BYTES;
        this.slabBit = offsets.require("pageflags.slab", neededBy);
        this.slabCache = offsets.require("slab.slab_cache", neededBy);
        this.cacheFlags = offsets.require("kmem_cache.flags", neededBy);
        this.cacheObjectSize = offsets.require("kmem_cache.object_size", neededBy);
        this.cacheSize = offsets.require("kmem_cache.size", neededBy);
        this.cacheInuse = offsets.require("kmem_cache.inuse", neededBy);
        this.cacheRedLeftPad = offsets.require("kmem_cache.red_left_pad", neededBy);
    }

    /**
     * The guards of the {@code size} bytes at {@code object}: {@code {start, end}} ranges, empty
     * ones possible; none where the guest's memory cannot be read.
     */
    long[][] guardsOf(long object, long size) {
        long end = object + size;
        long pageEnd = (end + PAGE_SIZE - 1) & -PAGE_SIZE;
        try {
            if (layout.regionOf(object) != KernelLayout.Region.DIRECT_MAP) {
                return layout.regionOf(object) == KernelLayout.Region.VMALLOC ? new long[][] {{end, pageEnd}}
                        : new long[0][];
            }
            long page = compoundHead(pageOf(object));
            if ((read(page + flagsField, 8) >>> slabBit & 1) == 0) {
                return new long[][] {{end, pageEnd}};
            }
            long cache = read(page + slabCache, 8);
            long slot = read(cache + cacheSize, 4);
            long leftPad = read(cache + cacheRedLeftPad, 4);
            long objectSize = read(cache + cacheObjectSize, 4);
            long inuse = read(cache + cacheInuse, 4);
            long slabStart = addressOf(page);
            long start = slabStart + (object - slabStart) / slot * slot + leftPad;
            if (Long.compareUnsigned(end, start + objectSize) > 0) {
                return new long[0][];
            }
            boolean redZone = (read(cache + cacheFlags, 4) & SLAB_RED_ZONE) != 0;
            long[] before = redZone && object == start ? new long[] {start - leftPad, start} : new long[] {0, 0};
            return new long[][] {before, {end, start + inuse}};
        } catch (MemoryFault e) {
            return new long[0][];
        }
    }

    /** The {@code kmem_cache} of the slab object at {@code object}, or 0 if it is no slab object. */
    long cacheOf(long object) {
        try {
            if (layout.regionOf(object) != KernelLayout.Region.DIRECT_MAP) {
                return 0;
            }
            long page = compoundHead(pageOf(object));
            return (read(page + flagsField, 8) >>> slabBit & 1) == 0 ? 0 : read(page + slabCache, 8);
        } catch (MemoryFault e) {
            return 0;
        }
    }

    /** The direct-map address of the memory {@code struct page *page} describes. */
    long addressOf(long page) throws MemoryFault {
        long pfnOffset = (page - read(memMap, 8)) / pageSize;
        return read(physRamBase, 8) + pfnOffset * PAGE_SIZE + layout.directMapOffset();
    }

    private long pageOf(long address) throws MemoryFault {
        long physical = address - layout.directMapOffset();
        return read(memMap, 8) + (physical - read(physRamBase, 8)) / PAGE_SIZE * pageSize;
    }

    /**
     * The fields of the {@code struct page} of the page at direct-map {@code address} that the page's
     * owner may use ({@code lru}, {@code mapping}, {@code index}, {@code private}), as {@code [start, end)}.
     */
    long[] ownerFields(long address) throws MemoryFault {
        long page = pageOf(address);
        return new long[] {page + ownerFieldsStart, page + ownerFieldsEnd};
    }

    /** A tail page of a compound page names its head, with bit 0 set. */
    private long compoundHead(long page) throws MemoryFault {
        long head = read(page + compoundHead, 8);
        return (head & 1) != 0 ? head - 1 : page;
    }

    private long read(long address, int size) throws MemoryFault {
        ByteBuffer bytes = ByteBuffer.wrap(guest.readMemory(address, size)).order(ByteOrder.LITTLE_ENDIAN);
        return size == 8 ? bytes.getLong() : bytes.getInt() & 0xffff_ffffL;
    }
}
