package org.chariot.emulator.run;

/** Why a machine stopped, before the console is interpreted. */
public record GuestExit(Kind kind, String detail) {

    public enum Kind {
        /** The guest powered the machine off (or rebooted it, which ends a run too). */
        STOPPED,
        /** The time limit ran out and the machine was stopped. */
        TIMED_OUT,
        /** The machine failed on its own: it could not start, or it died. */
        FAILED
    }

    public static GuestExit stopped(String detail) {
        return new GuestExit(Kind.STOPPED, detail);
    }

    public static GuestExit timedOut(String detail) {
        return new GuestExit(Kind.TIMED_OUT, detail);
    }

    public static GuestExit failed(String detail) {
        return new GuestExit(Kind.FAILED, detail);
    }
}
