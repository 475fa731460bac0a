package org.chariot.emulator.devices.virtio;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import org.chariot.emulator.snapshot.Snapshottable;

import org.chariot.emulator.devices.GuestMemory;
import org.chariot.emulator.devices.IrqLine;
import org.chariot.emulator.devices.PlatformDevice;
import org.chariot.emulator.fdt.DeviceTreeContext;

/**
 * The virtio MMIO transport, version 2 (modern only), for one backend. Requests are served
 * synchronously when the driver notifies a queue; the interrupt line is high while
 * InterruptStatus is non-zero. A malformed queue puts the device in DEVICE_NEEDS_RESET.
 */
public final class VirtioMmio implements PlatformDevice, Snapshottable {

    static final int MAGIC = 0x000, VERSION = 0x004, DEVICE_ID = 0x008, VENDOR_ID = 0x00c;
    static final int DEVICE_FEATURES = 0x010, DEVICE_FEATURES_SEL = 0x014;
    static final int DRIVER_FEATURES = 0x020, DRIVER_FEATURES_SEL = 0x024;
    static final int QUEUE_SEL = 0x030, QUEUE_NUM_MAX = 0x034, QUEUE_NUM = 0x038, QUEUE_READY = 0x044;
    static final int QUEUE_NOTIFY = 0x050, INTERRUPT_STATUS = 0x060, INTERRUPT_ACK = 0x064, STATUS = 0x070;
    static final int QUEUE_DESC_LOW = 0x080, QUEUE_DESC_HIGH = 0x084, QUEUE_DRIVER_LOW = 0x090;
    static final int QUEUE_DRIVER_HIGH = 0x094, QUEUE_DEVICE_LOW = 0x0a0, QUEUE_DEVICE_HIGH = 0x0a4;
    static final int CONFIG_GENERATION = 0x0fc, CONFIG = 0x100;
    static final int MAGIC_VALUE = 0x74726976; // "virt"
    static final long VIRTIO_F_VERSION_1 = 1L << 32;
    static final int USED_BUFFER = 1, CONFIG_CHANGED = 2, FEATURES_OK = 0x08, DEVICE_NEEDS_RESET = 0x40;
    private static final int VENDOR = 0x43484152; // "CHAR"
    private static final long SIZE = 0x1000;

    private final VirtioBackend backend;
    private final GuestMemory memory;
    private final IrqLine irq;
    private final int irqSource;
    private final SplitVirtqueue[] queues;
    private int deviceFeaturesSelect, driverFeaturesSelect, queueSelect;
    private long driverFeatures;
    private int status, interruptStatus;

    /** The transport's state is saved here; the device behind it must be able to save its own. */
    @Override
    public boolean canSnapshot() {
        return backend instanceof Snapshottable own && own.canSnapshot();
    }

    @Override
    public synchronized void saveState(DataOutput out) throws IOException {
        for (int register : new int[] {deviceFeaturesSelect, driverFeaturesSelect, queueSelect, status, interruptStatus}) {
            out.writeInt(register);
        }
        out.writeLong(driverFeatures);
        for (SplitVirtqueue queue : queues) {
            queue.save(out);
        }
        ((Snapshottable) backend).saveState(out);
    }

    @Override
    public synchronized void restoreState(DataInput in) throws IOException {
        deviceFeaturesSelect = in.readInt();
        driverFeaturesSelect = in.readInt();
        queueSelect = in.readInt();
        status = in.readInt();
        interruptStatus = in.readInt();
        driverFeatures = in.readLong();
        for (SplitVirtqueue queue : queues) {
            queue.restore(in);
        }
        ((Snapshottable) backend).restoreState(in);
        irq.set(interruptStatus != 0);
    }

    public VirtioMmio(VirtioBackend backend, GuestMemory memory, IrqLine irq, int irqSource) {
        this.backend = backend;
        this.memory = memory;
        this.irq = irq;
        this.irqSource = irqSource;
        this.queues = new SplitVirtqueue[backend.queueCount()];
        for (int i = 0; i < queues.length; i++) {
            queues[i] = new SplitVirtqueue();
        }
    }

    @Override
    public long size() {
        return SIZE;
    }

    @Override
    public synchronized long load(long offset, int size) {
        if (offset >= CONFIG) {
            return backend.config((int) (offset - CONFIG), size);
        }
        SplitVirtqueue queue = selectedQueue();
        return switch ((int) offset) {
            case MAGIC -> MAGIC_VALUE;
            case VERSION -> 2;
            case DEVICE_ID -> backend.deviceId();
            case VENDOR_ID -> VENDOR;
            case DEVICE_FEATURES -> (offeredFeatures() >>> (32 * deviceFeaturesSelect)) & 0xffff_ffffL;
            case QUEUE_NUM_MAX -> queue == null ? 0 : SplitVirtqueue.MAX_SIZE;
            case QUEUE_READY -> queue != null && queue.ready ? 1 : 0;
            case INTERRUPT_STATUS -> interruptStatus;
            case STATUS -> status;
            case CONFIG_GENERATION -> 0;
            default -> 0;
        };
    }

    @Override
    public synchronized void store(long offset, int size, long value) {
        int word = (int) value;
        SplitVirtqueue queue = selectedQueue();
        switch ((int) offset) {
            case DEVICE_FEATURES_SEL -> deviceFeaturesSelect = word & 1;
            case DRIVER_FEATURES_SEL -> driverFeaturesSelect = word & 1;
            case DRIVER_FEATURES -> driverFeatures = setHalf(driverFeatures, driverFeaturesSelect, word);
            case QUEUE_SEL -> queueSelect = word;
            case QUEUE_NOTIFY -> notifyQueue(word);
            case INTERRUPT_ACK -> acknowledge(word);
            case STATUS -> setStatus(word);
            default -> {
                if (queue != null) {
                    configureQueue(queue, (int) offset, word);
                }
            }
        }
    }

    private void configureQueue(SplitVirtqueue queue, int offset, int word) {
        switch (offset) {
            case QUEUE_NUM -> queue.size = Math.min(word, SplitVirtqueue.MAX_SIZE);
            case QUEUE_READY -> queue.ready = (word & 1) != 0;
            case QUEUE_DESC_LOW -> queue.descriptors = setHalf(queue.descriptors, 0, word);
            case QUEUE_DESC_HIGH -> queue.descriptors = setHalf(queue.descriptors, 1, word);
            case QUEUE_DRIVER_LOW -> queue.available = setHalf(queue.available, 0, word);
            case QUEUE_DRIVER_HIGH -> queue.available = setHalf(queue.available, 1, word);
            case QUEUE_DEVICE_LOW -> queue.used = setHalf(queue.used, 0, word);
            case QUEUE_DEVICE_HIGH -> queue.used = setHalf(queue.used, 1, word);
            default -> { }
        }
    }

    private void notifyQueue(int index) {
        if (index < 0 || index >= queues.length || (status & DEVICE_NEEDS_RESET) != 0) {
            return;
        }
        try {
            if (queues[index].drain(memory, chain -> backend.process(index, chain))) {
                interruptStatus |= USED_BUFFER;
            }
        } catch (IllegalArgumentException | IllegalStateException e) {
            // The driver handed us a broken queue: tell it the way the specification provides.
            status |= DEVICE_NEEDS_RESET;
            interruptStatus |= CONFIG_CHANGED; // makes the driver look at the status
        }
        irq.set(interruptStatus != 0);
    }

    private void acknowledge(int bits) {
        interruptStatus &= ~bits;
        irq.set(interruptStatus != 0);
    }

    private void setStatus(int value) {
        if (value == 0) {
            reset();
        } else if ((value & FEATURES_OK) != 0 && (driverFeatures & VIRTIO_F_VERSION_1) == 0) {
            status = value & ~FEATURES_OK; // a legacy-only driver: this modern device refuses it
        } else {
            status = value;
        }
    }

    private void reset() {
        status = 0;
        interruptStatus = 0;
        driverFeatures = 0;
        deviceFeaturesSelect = driverFeaturesSelect = queueSelect = 0;
        for (SplitVirtqueue queue : queues) {
            queue.reset();
        }
        irq.set(false);
    }

    private SplitVirtqueue selectedQueue() {
        return queueSelect >= 0 && queueSelect < queues.length ? queues[queueSelect] : null;
    }

    private long offeredFeatures() {
        return backend.features() | VIRTIO_F_VERSION_1;
    }

    private static long setHalf(long value, int half, int word) {
        long shift = 32L * half;
        return value & ~(0xffff_ffffL << shift) | (word & 0xffff_ffffL) << shift;
    }

    @Override
    public void describe(DeviceTreeContext tree, long base) {
        tree.wireInterrupt(tree.addDevice("virtio_mmio", base, SIZE), irqSource)
                .strings("compatible", "virtio,mmio");
    }
}
