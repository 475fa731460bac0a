package org.chariot.emulator.snapshot;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * The parts a device holds in slots and saves with its own state: the chips on an I2C or SPI bus,
 * the functions on a PCI bus. Empty slots (null) are skipped; a part that is not
 * {@link Snapshottable}, or cannot save its state now, makes the device refuse.
 */
public final class SnapshotParts {

    private SnapshotParts() {
    }

    public static boolean canSnapshot(Object[] slots) {
        for (Object part : slots) {
            if (part != null && !(part instanceof Snapshottable snapshottable && snapshottable.canSnapshot())) {
                return false;
            }
        }
        return true;
    }

    public static void save(Object[] slots, DataOutput out) throws IOException {
        for (Object part : slots) {
            if (part != null) {
                ((Snapshottable) part).saveState(out);
            }
        }
    }

    public static void restore(Object[] slots, DataInput in) throws IOException {
        for (Object part : slots) {
            if (part != null) {
                ((Snapshottable) part).restoreState(in);
            }
        }
    }
}
