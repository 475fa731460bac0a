package org.chariot.emulator.devices;

import org.chariot.emulator.cpu.InterruptTarget;

/** The hart's mip bits as devices set them. */
final class RecordingInterrupts implements InterruptTarget {

    private long pending;

    @Override
    public synchronized void setPending(int bit, boolean value) {
        pending = value ? pending | 1L << bit : pending & ~(1L << bit);
    }

    synchronized boolean isPending(int bit) {
        return (pending >>> bit & 1) != 0;
    }
}
