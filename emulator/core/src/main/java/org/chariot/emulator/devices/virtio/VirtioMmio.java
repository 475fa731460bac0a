package org.chariot.emulator.devices.virtio;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import org.chariot.emulator.bus.Device;
import org.chariot.emulator.snapshot.Snapshottable;
import org.chariot.emulator.devices.GuestMemory;
import org.chariot.emulator.devices.IrqLine;
import org.chariot.emulator.devices.PlatformDevice;
import org.chariot.emulator.devices.Registers;
import org.chariot.emulator.fdt.DeviceTreeContext;

/**
 * The virtio MMIO transport, version 2 (modern only), for one backend: the registers of the
 * specification's section 4.2.2 onto a {@link VirtioDevice}. Requests are served when the driver
 * notifies a queue; the interrupt line is the device's.
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
    private static final int VENDOR = 0x43484152; // "CHAR"
    private static final long SIZE = 0x1000;

    private final VirtioDevice device;
    private final int irqSource;
    private int deviceFeaturesSelect, driverFeaturesSelect, queueSelect;

    /** The transport's registers are saved here; the device behind it must be able to save its own. */
    @Override
    public boolean canSnapshot() {
        return device.canSnapshot();
    }

    @Override
    public synchronized void saveState(DataOutput out) throws IOException {
        out.writeInt(deviceFeaturesSelect);
        out.writeInt(driverFeaturesSelect);
        out.writeInt(queueSelect);
        device.saveState(out);
    }

    @Override
    public synchronized void restoreState(DataInput in) throws IOException {
        deviceFeaturesSelect = in.readInt();
        driverFeaturesSelect = in.readInt();
        queueSelect = in.readInt();
        device.restoreState(in);
    }

    public VirtioMmio(VirtioBackend backend, GuestMemory memory, IrqLine irq, int irqSource) {
        this.device = new VirtioDevice(backend, memory, irq);
        this.irqSource = irqSource;
    }

    @Override
    public long size() {
        return SIZE;
    }

    /** Registers are 32-bit; the device's configuration is read by its fields' sizes, a 64-bit one as two words. */
    @Override
    public int supportedSizes() {
        return Device.sizes(1, 2, 4);
    }

    @Override
    public synchronized long load(long offset, int size) {
        if (offset >= CONFIG) {
            return device.config((int) (offset - CONFIG), size);
        }
        SplitVirtqueue queue = device.queue(queueSelect);
        return switch ((int) offset) {
            case MAGIC -> MAGIC_VALUE;
            case VERSION -> 2;
            case DEVICE_ID -> device.backend().deviceId();
            case VENDOR_ID -> VENDOR;
            case DEVICE_FEATURES -> device.deviceFeatures(deviceFeaturesSelect) & 0xffff_ffffL;
            case QUEUE_NUM_MAX -> queue == null ? 0 : SplitVirtqueue.MAX_SIZE;
            case QUEUE_READY -> queue != null && queue.ready ? 1 : 0;
            case INTERRUPT_STATUS -> device.interruptStatus();
            case STATUS -> device.status();
            default -> 0; // CONFIG_GENERATION: the configuration never changes
        };
    }

    @Override
    public synchronized void store(long offset, int size, long value) {
        int word = (int) value;
        SplitVirtqueue queue = device.queue(queueSelect);
        switch ((int) offset) {
            case DEVICE_FEATURES_SEL -> deviceFeaturesSelect = word;
            case DRIVER_FEATURES_SEL -> driverFeaturesSelect = word;
            case DRIVER_FEATURES -> device.setDriverFeatures(driverFeaturesSelect, word);
            case QUEUE_SEL -> queueSelect = word;
            case QUEUE_NOTIFY -> device.notify(word);
            case INTERRUPT_ACK -> device.acknowledge(word);
            case STATUS -> setStatus(word);
            default -> {
                if (queue != null) {
                    configureQueue(queue, (int) offset, word);
                }
            }
        }
    }

    private void setStatus(int value) {
        device.setStatus(value);
        if (value == 0) {
            deviceFeaturesSelect = driverFeaturesSelect = queueSelect = 0;
        }
    }

    private static void configureQueue(SplitVirtqueue queue, int offset, int word) {
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

    private static long setHalf(long value, int half, int word) {
        return Registers.write(value, 4L * half, 4, word);
    }

    @Override
    public void describe(DeviceTreeContext tree, long base) {
        tree.wireInterrupt(tree.addDevice("virtio_mmio", base, SIZE), irqSource)
                .strings("compatible", "virtio,mmio");
    }
}
