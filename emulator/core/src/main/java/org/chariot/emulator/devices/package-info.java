/**
 * Memory-mapped devices, offset-relative ({@link org.chariot.emulator.bus.Device}), each of which
 * describes itself in the device tree ({@link org.chariot.emulator.devices.PlatformDevice}).
 * Interrupts are level-triggered wires ({@link org.chariot.emulator.devices.IrqLine}) into the PLIC,
 * or bits of the hart's {@code mip}; timed behaviour uses an
 * {@link org.chariot.emulator.devices.AlarmClock}, never polling. Device state is guarded by the
 * device's own monitor because the console reader and the alarm thread reach devices too. Every
 * device's DMA goes through one {@link org.chariot.emulator.devices.GuestMemory}; a device that names
 * itself ({@link org.chariot.emulator.devices.DmaMaster}) has its writes shown to a {@link
 * org.chariot.emulator.devices.DmaObserver} (the isolation monitor) first.
 */
package org.chariot.emulator.devices;
