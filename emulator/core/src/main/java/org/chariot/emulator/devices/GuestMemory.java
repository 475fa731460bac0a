package org.chariot.emulator.devices;

import java.util.Arrays;
import org.chariot.emulator.bus.Ram;

/**
 * Guest RAM by physical address, as a DMA-capable device sees it: the one path every device's DMA
 * takes (virtio queues, PCI bus masters, described devices), so that it can be watched in one
 * place. The machine makes one; each device that names itself ({@link #forMaster}) gets a view of it
 * through which a {@link DmaObserver} sees its writes.
 */
public final class GuestMemory {

    /** The observer, shared by the machine's memory and all its views. */
    private static final class Watch {
        private DmaObserver observer;
    }

    private final long base;
    private final Ram ram;
    private final DmaMaster master;
    private final Watch watch;

    public GuestMemory(long base, Ram ram) {
        this(base, ram, null, new Watch());
    }

    private GuestMemory(long base, Ram ram, DmaMaster master, Watch watch) {
        this.base = base;
        this.ram = ram;
        this.master = master;
        this.watch = watch;
    }

    /** This memory as {@code device} reaches it: its writes are shown to the observer as the device's. */
    public GuestMemory forMaster(DmaMaster device) {
        return new GuestMemory(base, ram, device, watch);
    }

    /** Shows every named device's writes to {@code observer} before they land (null: none). */
    public void observeWrites(DmaObserver observer) {
        watch.observer = observer;
    }

    public long load(long address, int size) {
        return ram.load(offset(address, size), size);
    }

    public void store(long address, int size, long value) {
        long offset = offset(address, size);
        if (watched() && !watch.observer.beforeDeviceWrite(master, address, littleEndian(value, size))) {
            return;
        }
        ram.store(offset, size, value);
    }

    public void read(long address, byte[] into, int at, int length) {
        System.arraycopy(ram.bytes(), (int) offset(address, length), into, at, length);
    }

    public void write(long address, byte[] from, int at, int length) {
        int offset = (int) offset(address, length);
        if (watched() && length > 0
                && !watch.observer.beforeDeviceWrite(master, address, Arrays.copyOfRange(from, at, at + length))) {
            return;
        }
        System.arraycopy(from, at, ram.bytes(), offset, length);
    }

    /** Whether this is a named device's view and an observer watches. */
    private boolean watched() {
        return master != null && watch.observer != null;
    }

    private static byte[] littleEndian(long value, int size) {
        byte[] bytes = new byte[size];
        for (int i = 0; i < size; i++) {
            bytes[i] = (byte) (value >>> (8 * i));
        }
        return bytes;
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
