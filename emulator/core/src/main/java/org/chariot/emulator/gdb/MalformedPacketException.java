package org.chariot.emulator.gdb;

/** A packet whose arguments do not parse; the session answers it with an error reply. */
final class MalformedPacketException extends RuntimeException {

    MalformedPacketException(String message) {
        super(message);
    }
}
