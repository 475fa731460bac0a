package org.chariot.emulator.gdb;

/**
 * A stop as the client is told of it: the stop reply packet, and console text to show first
 * ({@code O} packets; may be empty). An exit ends the session.
 */
record StopEvent(String reply, String notice, boolean exit) {

    static final int SIGINT = 2, SIGILL = 4, SIGTRAP = 5, SIGSEGV = 11;

    /** A stop with signal {@code signal} and extra {@code key:value;} pairs such as {@code swbreak:;}. */
    static StopEvent signal(int signal, String extra, String notice) {
        return new StopEvent("T" + Hex.HEX.toHexDigits((byte) signal) + "thread:01;" + extra, notice, false);
    }

    static StopEvent signal(int signal) {
        return signal(signal, "", "");
    }

    static StopEvent exited(DebugTarget.Ending ending) {
        return new StopEvent("W" + Hex.HEX.toHexDigits((byte) ending.exitCode()), ending.description() + "\n", true);
    }

    /** The same stop, also telling GDB that the list of loaded libraries (here: modules) changed. */
    StopEvent withLibraryChange() {
        return exit ? this : new StopEvent(reply + "library:;", notice, false);
    }
}
