package org.chariot.emulator.devices.virtio;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import org.chariot.emulator.devices.GuestMemory;
import org.chariot.emulator.devices.Registers;
import org.chariot.emulator.devices.pci.Bar;
import org.chariot.emulator.devices.pci.PciFunction;

/**
 * The virtio PCI transport, modern only (virtio 1.1, section 4.1), for one backend: a function of
 * vendor 0x1af4, device 0x1040 + the virtio type, revision 1. Its vendor-specific capabilities
 * point the driver at four structures in BAR 4 (64-bit memory, as QEMU's): the common
 * configuration, the notification area (a 4-byte slot per queue), the ISR status (reading it
 * acknowledges; INTx is high while it is not zero) and the device configuration.
 *
 * <p>There is no MSI-X capability, so drivers fall back to the shared INTx line. A notification
 * from a function that is not a bus master is dropped: the device could not read its queues.
 */
public final class VirtioPci extends PciFunction {

    static final int VENDOR = 0x1af4, MODERN_DEVICE_BASE = 0x1040, SUBSYSTEM = 0x40;
    static final int BAR = 4;
    static final int CAPABILITY_VENDOR = 0x09, COMMON_CFG = 1, NOTIFY_CFG = 2, ISR_CFG = 3, DEVICE_CFG = 4;
    static final long COMMON = 0x0000, ISR = 0x1000, DEVICE = 0x2000, NOTIFY = 0x3000, STRUCTURE_SIZE = 0x1000;
    static final int NOTIFY_MULTIPLIER = 4;
    static final int DEVICE_FEATURE_SELECT = 0x00, DEVICE_FEATURE = 0x04, DRIVER_FEATURE_SELECT = 0x08;
    static final int DRIVER_FEATURE = 0x0c, MSIX_CONFIG = 0x10, NUM_QUEUES = 0x12, DEVICE_STATUS = 0x14;
    static final int CONFIG_GENERATION = 0x15, QUEUE_SELECT = 0x16, QUEUE_SIZE = 0x18, QUEUE_MSIX_VECTOR = 0x1a;
    static final int QUEUE_ENABLE = 0x1c, QUEUE_NOTIFY_OFF = 0x1e, QUEUE_DESC = 0x20, QUEUE_DRIVER = 0x28;
    static final int QUEUE_DEVICE = 0x30, COMMON_LENGTH = 0x38;
    static final int NO_VECTOR = 0xffff;
    /** The common configuration's fields: start offset and width, in order. */
    private static final int[] COMMON_FIELDS = {DEVICE_FEATURE_SELECT, 4, DEVICE_FEATURE, 4, DRIVER_FEATURE_SELECT, 4,
        DRIVER_FEATURE, 4, MSIX_CONFIG, 2, NUM_QUEUES, 2, DEVICE_STATUS, 1, CONFIG_GENERATION, 1, QUEUE_SELECT, 2,
        QUEUE_SIZE, 2, QUEUE_MSIX_VECTOR, 2, QUEUE_ENABLE, 2, QUEUE_NOTIFY_OFF, 2, QUEUE_DESC, 8, QUEUE_DRIVER, 8,
        QUEUE_DEVICE, 8};

    private final VirtioDevice device;
    private int deviceFeatureSelect, driverFeatureSelect, queueSelect;

    public VirtioPci(VirtioBackend backend, GuestMemory memory) {
        super(identity(backend.deviceId()), List.of(new Bar(BAR, Bar.Kind.MEMORY_64, 4 * STRUCTURE_SIZE)),
                List.of(capability(COMMON_CFG, COMMON, COMMON_LENGTH),
                        capability(NOTIFY_CFG, NOTIFY, (long) NOTIFY_MULTIPLIER * backend.queueCount(), NOTIFY_MULTIPLIER),
                        capability(ISR_CFG, ISR, 1), capability(DEVICE_CFG, DEVICE, STRUCTURE_SIZE)), true);
        this.device = new VirtioDevice(backend, memory.forMaster(this), this::setInterrupt);
    }

    /** The backend must be able to save its state. */
    @Override
    public boolean canSnapshot() {
        return device.canSnapshot();
    }

    @Override
    protected void saveFunctionState(DataOutput out) throws IOException {
        out.writeInt(deviceFeatureSelect);
        out.writeInt(driverFeatureSelect);
        out.writeInt(queueSelect);
        device.saveState(out);
    }

    @Override
    protected void restoreFunctionState(DataInput in) throws IOException {
        deviceFeatureSelect = in.readInt();
        driverFeatureSelect = in.readInt();
        queueSelect = in.readInt();
        device.restoreState(in);
    }

    /** The PCI identity of a virtio device type, with the class QEMU gives it. */
    private static Identity identity(int deviceId) {
        int classCode = switch (deviceId) {
            case 1 -> 0x02_00_00; // network, Ethernet
            case 2 -> 0x01_00_00; // mass storage
            default -> 0xff_00_00; // other
        };
        return new Identity(VENDOR, MODERN_DEVICE_BASE + deviceId, classCode, 1, VENDOR, SUBSYSTEM);
    }

    /** A virtio_pci_cap: length, type, BAR, id, padding, offset and length in the BAR, then any extra words. */
    private static Capability capability(int type, long offset, long length, int... extra) {
        ByteBuffer body = ByteBuffer.allocate(14 + 4 * extra.length).order(ByteOrder.LITTLE_ENDIAN);
        body.put((byte) (2 + body.capacity())).put((byte) type).put((byte) BAR).put((byte) 0).putShort((short) 0)
                .putInt((int) offset).putInt((int) length);
        for (int word : extra) {
            body.putInt(word);
        }
        return new Capability(CAPABILITY_VENDOR, body.array());
    }

    @Override
    protected synchronized long barLoad(int bar, long offset, int size) {
        int within = (int) (offset % STRUCTURE_SIZE);
        if (offset < ISR) {
            long result = 0;
            for (int i = size - 1; i >= 0; i--) {
                result = result << 8 | commonByte(within + i);
            }
            return result;
        }
        if (offset < DEVICE) {
            int pending = within == 0 ? device.interruptStatus() : 0;
            device.acknowledge(pending);
            return pending;
        }
        return offset < NOTIFY ? device.config(within, size) : 0;
    }

    @Override
    protected synchronized void barStore(int bar, long offset, int size, long value) {
        int within = (int) (offset % STRUCTURE_SIZE);
        if (offset < ISR) {
            int field = fieldContaining(within);
            if (field >= 0 && within - COMMON_FIELDS[field] + size <= COMMON_FIELDS[field + 1]) {
                int start = COMMON_FIELDS[field];
                setCommon(start, Registers.write(common(start), within - start, size, value));
            }
        } else if (offset >= NOTIFY && within % NOTIFY_MULTIPLIER == 0 && busMasterEnabled()) {
            device.notify(within / NOTIFY_MULTIPLIER);
        }
    }

    private int commonByte(int at) {
        int field = fieldContaining(at);
        if (field < 0) {
            return 0;
        }
        int start = COMMON_FIELDS[field];
        return (int) (common(start) >>> (8 * (at - start))) & 0xff;
    }

    /** The index in {@link #COMMON_FIELDS} of the field holding byte {@code at}, or -1 past the structure. */
    private static int fieldContaining(int at) {
        for (int i = 0; i < COMMON_FIELDS.length; i += 2) {
            if (at >= COMMON_FIELDS[i] && at < COMMON_FIELDS[i] + COMMON_FIELDS[i + 1]) {
                return i;
            }
        }
        return -1;
    }

    private long common(int field) {
        SplitVirtqueue queue = device.queue(queueSelect);
        return switch (field) {
            case DEVICE_FEATURE_SELECT -> deviceFeatureSelect;
            case DEVICE_FEATURE -> device.deviceFeatures(deviceFeatureSelect) & 0xffff_ffffL;
            case DRIVER_FEATURE_SELECT -> driverFeatureSelect;
            case DRIVER_FEATURE -> device.driverFeatures(driverFeatureSelect) & 0xffff_ffffL;
            case MSIX_CONFIG, QUEUE_MSIX_VECTOR -> NO_VECTOR;
            case NUM_QUEUES -> device.queueCount();
            case DEVICE_STATUS -> device.status();
            case QUEUE_SELECT -> queueSelect;
            case QUEUE_SIZE -> queue == null ? 0 : queue.size;
            case QUEUE_ENABLE -> queue != null && queue.ready ? 1 : 0;
            case QUEUE_NOTIFY_OFF -> queueSelect;
            case QUEUE_DESC -> queue == null ? 0 : queue.descriptors;
            case QUEUE_DRIVER -> queue == null ? 0 : queue.available;
            case QUEUE_DEVICE -> queue == null ? 0 : queue.used;
            default -> 0; // CONFIG_GENERATION: the configuration never changes
        };
    }

    private void setCommon(int field, long value) {
        SplitVirtqueue queue = device.queue(queueSelect);
        switch (field) {
            case DEVICE_FEATURE_SELECT -> deviceFeatureSelect = (int) value;
            case DRIVER_FEATURE_SELECT -> driverFeatureSelect = (int) value;
            case DRIVER_FEATURE -> device.setDriverFeatures(driverFeatureSelect, (int) value);
            case DEVICE_STATUS -> {
                device.setStatus((int) value);
                if (value == 0) {
                    deviceFeatureSelect = driverFeatureSelect = queueSelect = 0;
                }
            }
            case QUEUE_SELECT -> queueSelect = (int) value;
            default -> {
                if (queue != null) {
                    configureQueue(queue, field, value);
                }
            }
        }
    }

    private static void configureQueue(SplitVirtqueue queue, int field, long value) {
        switch (field) {
            case QUEUE_SIZE -> queue.size = (int) Math.min(value, SplitVirtqueue.MAX_SIZE);
            case QUEUE_ENABLE -> queue.ready |= (value & 1) != 0; // a driver never disables a queue this way
            case QUEUE_DESC -> queue.descriptors = value;
            case QUEUE_DRIVER -> queue.available = value;
            case QUEUE_DEVICE -> queue.used = value;
            default -> { }
        }
    }
}
