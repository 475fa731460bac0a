package org.chariot.emulator.gdb;

/** What a client sent: a packet whose checksum was right, an interrupt, or a packet too large to keep. */
sealed interface Incoming {

    /** A packet's payload, unescaped, one char per byte (ISO-8859-1). */
    record Packet(String payload) implements Incoming {
    }

    /** The client pressed Ctrl-C: a lone 0x03 byte outside a packet. */
    record Interrupt() implements Incoming {
    }

    /** A well-framed packet longer than the size the stub announced; its bytes were dropped. */
    record Oversized(int length) implements Incoming {
    }
}
