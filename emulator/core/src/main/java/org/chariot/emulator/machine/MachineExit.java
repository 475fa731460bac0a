package org.chariot.emulator.machine;

/** How a run of the machine ended. */
public sealed interface MachineExit {

    /** The process exit code a command line tool should report for this ending. */
    int exitCode();

    /** The guest powered off; {@code code} 0 is success. */
    record PowerOff(int code) implements MachineExit {
        @Override
        public int exitCode() {
            return code;
        }
    }

    /** The guest asked for a reboot; the machine stops rather than restarting. */
    record Reboot() implements MachineExit {
        @Override
        public int exitCode() {
            return 0;
        }
    }

    /** A limit the user set (wall time, instruction count) ran out. */
    record LimitReached(String limit) implements MachineExit {
        @Override
        public int exitCode() {
            return 124; // what timeout(1) uses, so scripts can tell a timeout from a failure
        }
    }

    /** Someone asked the machine to stop ({@link Machine#stop()}). */
    record Stopped() implements MachineExit {
        @Override
        public int exitCode() {
            return 130; // as a shell reports a run ended by Ctrl-C
        }
    }

    /** The emulator could not go on: the hart's own report of what went wrong. */
    record Fault(String report) implements MachineExit {
        @Override
        public int exitCode() {
            return 3;
        }
    }
}
