package org.chariot.emulator.machine;

/** How a run of the machine ended. */
public sealed interface MachineExit {

    /** The guest powered off; {@code code} 0 is success. */
    record PowerOff(int code) implements MachineExit {
    }

    /** The guest asked for a reboot; the machine stops rather than restarting. */
    record Reboot() implements MachineExit {
    }

    /** A limit the user set (time, instruction count) ran out. */
    record LimitReached(String limit) implements MachineExit {
    }

    /** Someone asked the machine to stop ({@link Machine#stop()}). */
    record Stopped() implements MachineExit {
    }

    /** The emulator could not go on: the hart's own report of what went wrong. */
    record Fault(String report) implements MachineExit {
    }
}
