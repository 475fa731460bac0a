package org.chariot.emulator.devices.virtio;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.chariot.emulator.devices.GuestMemory;
import org.chariot.emulator.devices.IrqLine;
import org.chariot.emulator.devices.Registers;
import org.chariot.emulator.snapshot.Snapshottable;

/**
 * The part of a virtio device (version 1, modern only) that does not depend on its transport:
 * device status, feature negotiation, the virtqueues and the interrupt status. The transports,
 * {@link VirtioMmio} and {@link VirtioPci}, map their registers onto it and guard it with their
 * monitor; the backend does the device's own work. The interrupt line is high while the
 * interrupt status is not zero. A malformed queue puts the device in DEVICE_NEEDS_RESET.
 */
final class VirtioDevice implements Snapshottable {

    static final long VIRTIO_F_VERSION_1 = 1L << 32;
    static final int FEATURES_OK = 0x08, DEVICE_NEEDS_RESET = 0x40;
    static final int USED_BUFFER = 1, CONFIG_CHANGED = 2;

    private final VirtioBackend backend;
    private final IrqLine irq;
    private final List<SplitVirtqueue> queues;
    private long driverFeatures;
    private int status, interruptStatus;

    VirtioDevice(VirtioBackend backend, GuestMemory memory, IrqLine irq) {
        this.backend = backend;
        this.irq = irq;
        List<SplitVirtqueue> made = new ArrayList<>();
        for (int i = 0; i < backend.queueCount(); i++) {
            made.add(new SplitVirtqueue(memory, this::bufferUsed));
        }
        this.queues = List.copyOf(made);
    }

    /** Its state is saved with its queues'; the backend must be able to save its own. */
    @Override
    public boolean canSnapshot() {
        return backend instanceof Snapshottable own && own.canSnapshot();
    }

    @Override
    public void saveState(DataOutput out) throws IOException {
        out.writeInt(status);
        out.writeInt(interruptStatus);
        out.writeLong(driverFeatures);
        for (SplitVirtqueue queue : queues) {
            queue.save(out);
        }
        ((Snapshottable) backend).saveState(out);
    }

    @Override
    public void restoreState(DataInput in) throws IOException {
        status = in.readInt();
        interruptStatus = in.readInt();
        driverFeatures = in.readLong();
        for (SplitVirtqueue queue : queues) {
            queue.restore(in);
        }
        ((Snapshottable) backend).restoreState(in);
        irq.set(interruptStatus != 0);
    }

    VirtioBackend backend() {
        return backend;
    }

    /** Word {@code select} (0: bits 0..31, 1: bits 32..63) of the features the device offers. */
    int deviceFeatures(int select) {
        return select == 0 || select == 1 ? (int) (offeredFeatures() >>> (32 * select)) : 0;
    }

    void setDriverFeatures(int select, int word) {
        if (select == 0 || select == 1) {
            driverFeatures = Registers.write(driverFeatures, 4L * select, 4, word);
        }
    }

    int driverFeatures(int select) {
        return select == 0 || select == 1 ? (int) (driverFeatures >>> (32 * select)) : 0;
    }

    int status() {
        return status;
    }

    /** Writing 0 resets; FEATURES_OK stays clear if the driver took a feature not offered or is legacy-only. */
    void setStatus(int value) {
        if (value == 0) {
            reset();
        } else if ((value & FEATURES_OK) != 0 && ((driverFeatures & VIRTIO_F_VERSION_1) == 0
                || (driverFeatures & ~offeredFeatures()) != 0)) {
            status = value & ~FEATURES_OK;
        } else {
            status = value;
        }
    }

    int queueCount() {
        return queues.size();
    }

    /** Queue {@code index}, or null if the device has no such queue. */
    SplitVirtqueue queue(int index) {
        return index >= 0 && index < queues.size() ? queues.get(index) : null;
    }

    /** The driver made buffers available in queue {@code index}. */
    void notify(int index) {
        if (index < 0 || index >= queues.size() || (status & DEVICE_NEEDS_RESET) != 0) {
            return;
        }
        try {
            backend.notified(index, queues);
        } catch (IllegalArgumentException | IllegalStateException e) {
            // The driver handed us a broken queue: tell it the way the specification provides.
            status |= DEVICE_NEEDS_RESET;
            raise(CONFIG_CHANGED); // makes the driver look at the status
        }
    }

    int interruptStatus() {
        return interruptStatus;
    }

    void acknowledge(int bits) {
        interruptStatus &= ~bits;
        irq.set(interruptStatus != 0);
    }

    long config(int offset, int size) {
        return backend.config(offset, size);
    }

    private void bufferUsed() {
        raise(USED_BUFFER);
    }

    private void raise(int bits) {
        interruptStatus |= bits;
        irq.set(true);
    }

    private long offeredFeatures() {
        return backend.features() | VIRTIO_F_VERSION_1;
    }

    private void reset() {
        status = 0;
        interruptStatus = 0;
        driverFeatures = 0;
        for (SplitVirtqueue queue : queues) {
            queue.reset();
        }
        backend.reset();
        irq.set(false);
    }
}
