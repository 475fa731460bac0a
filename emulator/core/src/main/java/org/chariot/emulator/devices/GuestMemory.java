package org.chariot.emulator.devices;

import org.chariot.emulator.bus.Ram;

/**
 * Guest RAM by physical address, as a DMA-capable device sees it: the one path every device's DMA
 * takes (virtio queues, PCI bus masters, described devices), so that it can be watched in one
 * place. The machine makes one.
 */
public final class GuestMemory {

    private final long base;
    private final Ram ram;

    public GuestMemory(long base, Ram ram) {
        this.base = base;
        this.ram = ram;
    }

    public long load(long address, int size) {
        return ram.load(offset(address, size), size);
    }

    public void store(long address, int size, long value) {
        ram.store(offset(address, size), size, value);
    }

    public void read(long address, byte[] into, int at, int length) {
        System.arraycopy(ram.bytes(), (int) offset(address, length), into, at, length);
    }

    public void write(long address, byte[] from, int at, int length) {
        System.arraycopy(from, at, ram.bytes(), (int) offset(address, length), length);
    }

    private long offset(long address, long length) {
        long offset = address - base;
        if (offset < 0 || length < 0 || offset + length > ram.size()) {
            throw new IllegalArgumentException(String.format(
                    "device access to 0x%x (+%d bytes) is outside guest RAM", address, length));
        }
        return offset;
    }
}
