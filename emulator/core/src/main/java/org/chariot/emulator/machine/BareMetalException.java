package org.chariot.emulator.machine;

/** A bare-metal program that ended without reporting a result through {@code tohost}. */
public final class BareMetalException extends Exception {

    private final MachineExit exit;

    public BareMetalException(String message, MachineExit exit) {
        super(message);
        this.exit = exit;
    }

    /** How the run ended instead (a limit, an emulator fault, a power-off through a device). */
    public MachineExit exit() {
        return exit;
    }
}
