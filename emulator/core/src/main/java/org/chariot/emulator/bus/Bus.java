package org.chariot.emulator.bus;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The physical address space: RAM plus devices at fixed bases. Accesses wholly inside one region,
 * of a size its device supports, go to that region; anything else is an {@link AccessFault}.
 */
public final class Bus {

    /** One attached device and the physical range it answers. */
    public record Region(String name, long base, long size, Device device) {
        boolean contains(long address, int length) {
            return Long.compareUnsigned(address, base) >= 0
                    && Long.compareUnsigned(address - base + length, size) <= 0;
        }
    }

    private final long ramBase;
    private final Ram ram;
    private final List<Region> regions = new ArrayList<>();
    private Region[] lookup = new Region[0];

    public Bus(long ramBase, Ram ram) {
        this.ramBase = ramBase;
        this.ram = ram;
        attach("ram", ramBase, ram.size(), ram);
    }

    public long ramBase() {
        return ramBase;
    }

    public Ram ram() {
        return ram;
    }

    /** Attaches a device; overlapping an existing region is a machine-assembly bug. */
    public void attach(String name, long base, long size, Device device) {
        Region region = new Region(name, base, size, device);
        for (Region other : regions) {
            boolean disjoint = Long.compareUnsigned(base + size, other.base()) <= 0
                    || Long.compareUnsigned(other.base() + other.size(), base) <= 0;
            if (!disjoint) {
                throw new IllegalArgumentException(name + " overlaps " + other.name());
            }
        }
        regions.add(region);
        regions.sort(Comparator.comparingLong(Region::base));
        lookup = regions.toArray(Region[]::new);
    }

    public List<Region> regions() {
        return List.copyOf(regions);
    }

    /** True if {@code [address, address + length)} is RAM, so the caller may use {@link Ram#bytes()}. */
    public boolean isRam(long address, int length) {
        return Long.compareUnsigned(address - ramBase + length, ram.size()) <= 0
                && Long.compareUnsigned(address, ramBase) >= 0;
    }

    public long load(long address, int size) throws AccessFault {
        Region region = regionFor(address, size);
        return region.device().load(address - region.base(), size);
    }

    public void store(long address, int size, long value) throws AccessFault {
        Region region = regionFor(address, size);
        region.device().store(address - region.base(), size, value);
    }

    private Region regionFor(long address, int size) throws AccessFault {
        for (Region region : lookup) {
            if (region.contains(address, size)) {
                if ((region.device().supportedSizes() & Device.sizes(size)) == 0) {
                    throw new AccessFault(address, "the " + region.name() + " does not answer " + size
                            + "-byte accesses");
                }
                return region;
            }
        }
        throw new AccessFault(address, "no device answers " + size + " bytes here");
    }
}
