package org.chariot.emulator.bus;

/** A physical access that no device answers; the hart turns it into an access-fault trap. */
public final class AccessFault extends Exception {

    private final long address;

    public AccessFault(long address, String reason) {
        super(String.format("physical access at 0x%x: %s", address, reason), null, false, false);
        this.address = address;
    }

    public long address() {
        return address;
    }
}
