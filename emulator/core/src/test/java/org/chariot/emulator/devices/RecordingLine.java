package org.chariot.emulator.devices;

/** An interrupt line whose level a test can read. */
public final class RecordingLine implements IrqLine {

    private boolean high;

    @Override
    public synchronized void set(boolean level) {
        high = level;
    }

    public synchronized boolean high() {
        return high;
    }
}
