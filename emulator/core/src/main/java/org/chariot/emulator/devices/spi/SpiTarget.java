package org.chariot.emulator.devices.spi;

import org.chariot.emulator.fdt.DeviceTreeContext;
import org.chariot.emulator.fdt.Node;

/**
 * A chip on an SPI bus behind one chip-select line, seen as its controller moves bytes: selected,
 * bytes exchanged full duplex, deselected. Calls come with the controller's lock held.
 */
public interface SpiTarget {

    /** The chip-select line the chip is wired to. */
    int chipSelect();

    /** The chip-select line went active: a new command begins. */
    void select();

    /** Shifts {@code out} into the chip and returns the byte it shifted out at the same time. */
    int exchange(int out);

    /** The chip-select line went inactive: the command ends. */
    void deselect();

    /** Adds the chip's node under its controller's node {@code bus}. */
    void describe(DeviceTreeContext tree, Node bus);
}
