package org.chariot.emulator.run;

import org.chariot.emulator.monitor.Grant;
import org.chariot.emulator.monitor.ModuleSection;
import org.chariot.emulator.monitor.Violation;

/** Follows a run as it goes: its stages, the guest console, the isolated drivers' violations, and its end. */
public interface RunListener extends GuestOutput {

    /** A new stage begins ("building the driver", "booting the guest on qemu"). */
    void stage(String message);

    /** The guest is about to boot on {@code machine} with {@code spec}. */
    default void booting(String machine, BootSpec spec) {
    }

    @Override
    default void violation(Violation violation) {
    }

    /** The run is over. */
    default void finished(RunResult result) {
    }
}
