package org.chariot.emulator.machine;

/** A file that cannot be run as a bare-metal RISC-V program; the message says why and what to do. */
public final class InvalidElfException extends Exception {

    public InvalidElfException(String message) {
        super(message);
    }
}
