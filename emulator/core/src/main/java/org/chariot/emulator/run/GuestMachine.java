package org.chariot.emulator.run;

import java.util.function.Consumer;

/** A machine that boots the guest: ours, or QEMU as the reference. */
public interface GuestMachine {

    /** A short name for messages ("ours", "qemu"). */
    String name();

    /**
     * Boots the guest and returns when it stops or its time runs out; each console line goes to
     * {@code console} as it is printed.
     */
    GuestExit boot(BootSpec spec, Consumer<String> console);
}
