/**
 * PCI: the host bridge of QEMU virt's kind ({@link org.chariot.emulator.devices.pci.PciHost}: ECAM
 * configuration space, memory and I/O windows, INTx through the PLIC), the function every PCI
 * device is ({@link org.chariot.emulator.devices.pci.PciFunction}: type-0 header, BARs Linux sizes
 * and places, capabilities, command-register gating of decoding, DMA and INTx), and the
 * project's example PCI device. A function reaches guest memory only through the machine's
 * {@link org.chariot.emulator.devices.GuestMemory}, and only while it is a bus master.
 */
package org.chariot.emulator.devices.pci;
