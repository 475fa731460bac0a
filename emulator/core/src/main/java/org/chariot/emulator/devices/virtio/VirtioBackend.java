package org.chariot.emulator.devices.virtio;

import java.util.List;

/** What a virtio device does with its queues; a transport (MMIO or PCI) carries the registers. */
public interface VirtioBackend {

    /** The virtio device type (1 = network, 2 = block, 4 = entropy). */
    int deviceId();

    /** Device-specific feature bits (VIRTIO_F_VERSION_1 is added by the transport). */
    long features();

    int queueCount();

    /** Reads the device-specific configuration space. */
    long config(int offset, int size);

    /**
     * The driver notified queue {@code index} of {@code queues}: the device uses what it can of the
     * chains made available, now or later.
     */
    void notified(int index, List<SplitVirtqueue> queues);

    /** The driver reset the device: whatever the backend holds for the driver is dropped. */
    default void reset() {
    }
}
