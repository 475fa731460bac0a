/**
 * virtio 1.x devices: the transport-independent device state
 * ({@link org.chariot.emulator.devices.virtio.VirtioDevice}, split virtqueues in guest memory), its
 * MMIO and modern PCI transports, and the backends: block, entropy and network.
 */
package org.chariot.emulator.devices.virtio;
