package org.chariot.emulator.devices.virtio;

/** What a virtio device does with requests; the MMIO transport handles queues and registers. */
public interface VirtioBackend {

    /** The virtio device type (2 = block, 4 = entropy). */
    int deviceId();

    /** Device-specific feature bits (VIRTIO_F_VERSION_1 is added by the transport). */
    long features();

    int queueCount();

    /** Reads the device-specific configuration space. */
    long config(int offset, int size);

    /** Handles one request; returns how many bytes it wrote into the chain's writable buffers. */
    int process(int queue, DescriptorChain chain);
}
