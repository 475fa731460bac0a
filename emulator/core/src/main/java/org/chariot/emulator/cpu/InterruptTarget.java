package org.chariot.emulator.cpu;

/**
 * What devices see of a hart: its pending-interrupt bits ({@code mip}). Callable from any thread;
 * raising a bit wakes a hart that sleeps in WFI.
 */
public interface InterruptTarget {

    /** Bit numbers of {@code mip}, as in the privileged specification. */
    int SSIP = 1, MSIP = 3, STIP = 5, MTIP = 7, SEIP = 9, MEIP = 11;

    void setPending(int bit, boolean pending);
}
