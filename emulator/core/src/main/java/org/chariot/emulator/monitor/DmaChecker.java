package org.chariot.emulator.monitor;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.chariot.emulator.devices.DmaMaster;
import org.chariot.emulator.devices.DmaObserver;
import org.chariot.emulator.devices.GuestMemory;
import org.chariot.emulator.mmu.MemoryFault;

/**
 * The DMA check, as the devices' memory's observer: a device an isolated driver programmed (the
 * driver stored to its registers) may write only guest memory the driver mapped for DMA ({@code
 * dma_map_*}, {@code dma_alloc_*}, until unmapped or freed). Any other write is reported as kind
 * {@code dma} at the driver's line that last programmed the device, and under {@code block} (and
 * {@code halt}: a device cannot stop the hart half-way) it does not land. Devices no isolated
 * driver programmed are the kernel's business.
 */
final class DmaChecker implements DmaObserver {

    /** A driver's store to a device register: who, from where, and when (a sequence number). */
    private record Programming(IsolatedModule module, long pc, long ra, long sequence) {
    }

    private final GuestMemory memory;
    private final KernelLayout layout;
    private final CallStacks stacks;
    private final ViolationLog log;
    /** The last store to each register address of any device by an isolated driver. */
    private final Map<Long, Programming> programmed = new HashMap<>();
    private long sequence;

    DmaChecker(GuestMemory memory, KernelLayout layout, CallStacks stacks, ViolationLog log) {
        this.memory = memory;
        this.layout = layout;
        this.stacks = stacks;
        this.log = log;
    }

    /** {@code module}'s code at {@code pc} stored to the device register at {@code physicalAddress}. */
    void programmed(IsolatedModule module, long physicalAddress, long pc, long ra) {
        programmed.put(physicalAddress, new Programming(module, pc, ra, ++sequence));
    }

    @Override
    public boolean beforeDeviceWrite(DmaMaster master, long address, byte[] data) {
        Optional<Programming> by = lastProgramming(master);
        if (by.isEmpty() || by.get().module().dmaAllows(address, data.length)) {
            return true;
        }
        Programming programming = by.get();
        return log.recordDeviceWrite(id -> violation(id, master, address, data, programming));
    }

    /** The isolated driver's latest store to one of {@code master}'s registers, if a loaded driver made one. */
    private Optional<Programming> lastProgramming(DmaMaster master) {
        Programming latest = null;
        for (Map.Entry<Long, Programming> entry : programmed.entrySet()) {
            Programming candidate = entry.getValue();
            if (candidate.module().isLoaded() && (latest == null || candidate.sequence() > latest.sequence())
                    && master.decodes(entry.getKey())) {
                latest = candidate;
            }
        }
        return Optional.ofNullable(latest);
    }

    /** Where the kernel sees physical {@code address}: in its direct map (the physical address if that cannot be read). */
    private long directMapAddress(long address) {
        try {
            return address + layout.directMapOffset();
        } catch (MemoryFault e) {
            return address;
        }
    }

    private Violation violation(long id, DmaMaster master, long address, byte[] data, Programming by) {
        IsolatedModule module = by.module();
        int shown = Math.min(data.length, Long.BYTES);
        byte[] old = new byte[shown];
        memory.read(address, old, 0, shown);
        Optional<DmaMapping> nearest = module.nearestDmaMapping(address);
        long virtual = directMapAddress(address);
        String target = String.format("guest memory at physical 0x%x, %d bytes, not mapped for the device's DMA%s",
                address, data.length, nearest.map(mapping -> "; the driver's nearest: " + mapping.describe())
                        .orElse(": the driver has no DMA mapping now (dma_map_single, dma_alloc_coherent)"));
        return new Violation(id, module.name(), by.pc(), "dma by " + master.name(), virtual, data.length,
                Arrays.copyOf(data, shown), old, ViolationKind.DMA, target, nearest.map(DmaMapping::object).orElse(null),
                stacks.of(module, by.pc(), by.ra(), null), module.driverLine(by.pc()), log.deviceWriteVerdict());
    }
}
