package org.chariot.emulator.cpu;

/** The machine's timer: what the {@code time} CSR and the CLINT's {@code mtime} read. */
public interface TimeSource {

    /** Ticks per second of {@link #now()}; the device tree's {@code timebase-frequency}. */
    long frequency();

    /** The current time in ticks. */
    long now();
}
