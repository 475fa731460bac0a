package org.chariot.emulator.devices.virtio;

import org.chariot.emulator.bus.AccessFault;
import org.chariot.emulator.devices.pci.PciTestBus;

/**
 * {@link Transport} over {@link VirtioPci}, found as Linux's virtio_pci_modern finds it: the BAR
 * placed, memory space and bus mastering on, each structure located from its vendor capability.
 */
final class PciTransport implements Transport {

    private final PciTestBus bus;
    private final int slot;
    private final long common, notify, isr, deviceConfig;
    private final int notifyMultiplier;

    PciTransport(PciTestBus bus, VirtioPci function) {
        this.bus = bus;
        try {
            slot = bus.plug(function);
            long bar = bus.assign(slot, VirtioPci.BAR);
            bus.enable(slot, PciTestBus.MEMORY_SPACE | PciTestBus.BUS_MASTER);
            long[] structures = new long[5];
            int multiplier = 0;
            for (int at : bus.capabilities(slot, VirtioPci.CAPABILITY_VENDOR)) {
                int type = (int) bus.config(slot, at + 3, 1);
                if (bus.config(slot, at + 4, 1) != VirtioPci.BAR) {
                    throw new IllegalStateException("capability " + type + " points at another BAR");
                }
                structures[type] = bar + bus.config(slot, at + 8, 4);
                if (type == VirtioPci.NOTIFY_CFG) {
                    multiplier = (int) bus.config(slot, at + 16, 4);
                }
            }
            common = structures[VirtioPci.COMMON_CFG];
            notify = structures[VirtioPci.NOTIFY_CFG];
            isr = structures[VirtioPci.ISR_CFG];
            deviceConfig = structures[VirtioPci.DEVICE_CFG];
            notifyMultiplier = multiplier;
        } catch (AccessFault e) {
            throw new IllegalStateException(e);
        }
    }

    int slot() {
        return slot;
    }

    long common(int field, int size) {
        return load(common + field, size);
    }

    void setCommon(int field, int size, long value) {
        store(common + field, size, value);
    }

    /** Reads the ISR status, which acknowledges it. */
    int isr() {
        return (int) load(isr, 1);
    }

    long deviceConfig(int offset, int size) {
        return load(deviceConfig + offset, size);
    }

    @Override
    public void setStatus(int status) {
        setCommon(VirtioPci.DEVICE_STATUS, 1, status);
    }

    @Override
    public int status() {
        return (int) common(VirtioPci.DEVICE_STATUS, 1);
    }

    @Override
    public void setDriverFeatures(int select, int word) {
        setCommon(VirtioPci.DRIVER_FEATURE_SELECT, 4, select);
        setCommon(VirtioPci.DRIVER_FEATURE, 4, word & 0xffff_ffffL);
    }

    @Override
    public void setUpQueue(int index, int size, long descriptors, long available, long used) {
        setCommon(VirtioPci.QUEUE_SELECT, 2, index);
        setCommon(VirtioPci.QUEUE_SIZE, 2, size);
        setAddress(VirtioPci.QUEUE_DESC, descriptors);
        setAddress(VirtioPci.QUEUE_DRIVER, available);
        setAddress(VirtioPci.QUEUE_DEVICE, used);
        setCommon(VirtioPci.QUEUE_ENABLE, 2, 1);
    }

    /** A 64-bit field written as two 32-bit halves, as vp_iowrite64_twopart writes it. */
    private void setAddress(int field, long address) {
        setCommon(field, 4, address & 0xffff_ffffL);
        setCommon(field + 4, 4, address >>> 32);
    }

    @Override
    public void notify(int index) {
        setCommon(VirtioPci.QUEUE_SELECT, 2, index);
        store(notify + (long) notifyMultiplier * common(VirtioPci.QUEUE_NOTIFY_OFF, 2), 2, index);
    }

    private long load(long address, int size) {
        try {
            return bus.load(address, size);
        } catch (AccessFault e) {
            throw new IllegalStateException(e);
        }
    }

    private void store(long address, int size, long value) {
        try {
            bus.store(address, size, value);
        } catch (AccessFault e) {
            throw new IllegalStateException(e);
        }
    }
}
