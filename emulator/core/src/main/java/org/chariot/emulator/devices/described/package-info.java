/**
 * Devices described in a file rather than written in Java, for the hardware of a driver under
 * development: {@link org.chariot.emulator.devices.described.DeviceFile} reads the file into a
 * {@link org.chariot.emulator.devices.described.DeviceDescription};
 * {@link org.chariot.emulator.devices.described.DescribedDevice} runs it (registers, buffers,
 * triggers, DMA, interrupt), and one adapter per bus puts it in an MMIO window, on the I2C bus or on
 * the SPI bus.
 */
package org.chariot.emulator.devices.described;
