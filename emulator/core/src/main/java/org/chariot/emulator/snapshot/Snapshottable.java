package org.chariot.emulator.snapshot;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * A part of the machine (the hart, a device) that can write its state into a snapshot and take it
 * back. A machine snapshots only if every part can; a device that cannot (its state lives outside
 * the machine, say in a host file) makes the machine refuse, and the run boots instead.
 *
 * <p>{@link #restoreState} is called on a part freshly built with the same configuration, and
 * reads exactly what {@link #saveState} wrote. Time-driven parts re-arm their alarms against the
 * machine clock, which a restore has already set to the snapshot's time.
 */
public interface Snapshottable {

    void saveState(DataOutput out) throws IOException;

    void restoreState(DataInput in) throws IOException;

    /** False if this part's state cannot be saved now; the default is that it can. */
    default boolean canSnapshot() {
        return true;
    }
}
