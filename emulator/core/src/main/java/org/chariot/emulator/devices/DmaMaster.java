package org.chariot.emulator.devices;

/**
 * A device that reads and writes guest memory by itself (DMA), as a checker of its writes needs to
 * know it: its name, and which physical addresses are its registers, so that the driver that
 * programmed it can be told from the driver's stores there.
 */
public interface DmaMaster {

    /** How reports name the device: its class, or its described name. */
    String name();

    /** Whether {@code physicalAddress} is one of the device's registers (wherever software placed them now). */
    boolean decodes(long physicalAddress);

    /** A device whose registers lie at a fixed place: {@code [base, base + size)}. */
    static DmaMaster at(String name, long base, long size) {
        return new DmaMaster() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public boolean decodes(long physicalAddress) {
                return Long.compareUnsigned(physicalAddress - base, size) < 0;
            }
        };
    }
}
