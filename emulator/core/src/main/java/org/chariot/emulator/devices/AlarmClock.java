package org.chariot.emulator.devices;

import org.chariot.emulator.cpu.TimeSource;

/** Guest time plus alarms: how timer devices act when a deadline passes without polling. */
public interface AlarmClock extends TimeSource {

    /** A scheduled action that can be withdrawn. */
    interface Alarm {
        void cancel();
    }

    /** Runs {@code action} (on a host thread) once {@link #now()} has reached {@code deadline}. */
    Alarm schedule(long deadline, Runnable action);
}
