package org.chariot.emulator.devices;

/**
 * Several level-triggered interrupt outputs sharing one wire, as PCI's INTx lines are shared: the
 * wire is high while any of its inputs is.
 */
public final class WiredOr {

    private final IrqLine wire;
    private int inputsHigh;

    public WiredOr(IrqLine wire) {
        this.wire = wire;
    }

    /** A new input onto the wire, low until its device raises it. */
    public IrqLine input() {
        return new IrqLine() {
            private boolean high;

            @Override
            public void set(boolean level) {
                synchronized (WiredOr.this) {
                    if (level != high) {
                        high = level;
                        inputsHigh += level ? 1 : -1;
                        wire.set(inputsHigh > 0);
                    }
                }
            }
        };
    }
}
