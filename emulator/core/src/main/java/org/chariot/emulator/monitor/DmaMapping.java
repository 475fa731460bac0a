package org.chariot.emulator.monitor;

/**
 * Guest memory a driver mapped for its device's DMA: bus addresses {@code [start, end)} (physical
 * ones: the guest has no IOMMU), from a streaming mapping ({@code dma_map_single}, {@code
 * dma_map_page}) or a coherent allocation ({@code object}, else null), made at {@code site}.
 */
record DmaMapping(long start, long end, Frame site, Grant object) {

    boolean contains(long address, long length) {
        return Long.compareUnsigned(address, start) >= 0 && Long.compareUnsigned(address + length, end) <= 0
                && Long.compareUnsigned(address, address + length) <= 0;
    }

    String describe() {
        return String.format("DMA mapping [0x%x, 0x%x) of %d bytes", start, end, end - start);
    }
}
