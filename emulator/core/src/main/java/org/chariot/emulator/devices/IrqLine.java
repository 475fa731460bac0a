package org.chariot.emulator.devices;

/** A level-triggered interrupt wire from a device to the interrupt controller. */
@FunctionalInterface
public interface IrqLine {

    IrqLine UNCONNECTED = high -> { };

    void set(boolean high);
}
