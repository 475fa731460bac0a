package org.chariot.emulator.run;

/** A machine that boots the guest: ours, or QEMU as the reference. */
public interface GuestMachine {

    /** A short name for messages ("ours", "qemu"). */
    String name();

    /**
     * Boots the guest and returns when it stops or its time runs out; each console line, and what
     * the monitor sees of the modules the spec isolates, goes to {@code output} as it happens.
     */
    GuestExit boot(BootSpec spec, GuestOutput output);
}
