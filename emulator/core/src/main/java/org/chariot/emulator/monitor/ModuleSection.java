package org.chariot.emulator.monitor;

/** An allocated section of a loaded isolated module: where the guest put it, and its size from the {@code .ko}. */
public record ModuleSection(String name, long address, long size) {

    public boolean contains(long pc) {
        return Long.compareUnsigned(pc, address) >= 0 && Long.compareUnsigned(pc - address, size) < 0;
    }
}
