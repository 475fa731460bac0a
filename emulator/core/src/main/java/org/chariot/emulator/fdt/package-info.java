/**
 * A flattened device tree writer: a {@link org.chariot.emulator.fdt.Node} tree serialised by
 * {@link org.chariot.emulator.fdt.FdtWriter} to the blob format dtc produces (version 17).
 */
package org.chariot.emulator.fdt;
