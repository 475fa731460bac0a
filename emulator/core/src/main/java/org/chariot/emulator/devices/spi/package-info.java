/**
 * The SPI bus: a controller Linux drives in-tree ({@link org.chariot.emulator.devices.spi.SifiveSpi})
 * and the chips on its chip-select lines, each an {@link org.chariot.emulator.devices.spi.SpiTarget}
 * that sees selection, full-duplex bytes and deselection.
 */
package org.chariot.emulator.devices.spi;
