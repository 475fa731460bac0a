package org.chariot.emulator.devices.virtio;

/** {@link Transport} over {@link VirtioMmio}'s registers. */
final class MmioTransport implements Transport {

    private final VirtioMmio device;

    MmioTransport(VirtioMmio device) {
        this.device = device;
    }

    VirtioMmio device() {
        return device;
    }

    @Override
    public void setStatus(int status) {
        device.store(VirtioMmio.STATUS, 4, status);
    }

    @Override
    public int status() {
        return (int) device.load(VirtioMmio.STATUS, 4);
    }

    @Override
    public void setDriverFeatures(int select, int word) {
        device.store(VirtioMmio.DRIVER_FEATURES_SEL, 4, select);
        device.store(VirtioMmio.DRIVER_FEATURES, 4, word);
    }

    @Override
    public void setUpQueue(int index, int size, long descriptors, long available, long used) {
        device.store(VirtioMmio.QUEUE_SEL, 4, index);
        device.store(VirtioMmio.QUEUE_NUM, 4, size);
        device.store(VirtioMmio.QUEUE_DESC_LOW, 4, descriptors);
        device.store(VirtioMmio.QUEUE_DESC_HIGH, 4, descriptors >>> 32);
        device.store(VirtioMmio.QUEUE_DRIVER_LOW, 4, available);
        device.store(VirtioMmio.QUEUE_DRIVER_HIGH, 4, available >>> 32);
        device.store(VirtioMmio.QUEUE_DEVICE_LOW, 4, used);
        device.store(VirtioMmio.QUEUE_DEVICE_HIGH, 4, used >>> 32);
        device.store(VirtioMmio.QUEUE_READY, 4, 1);
    }

    @Override
    public void notify(int index) {
        device.store(VirtioMmio.QUEUE_NOTIFY, 4, index);
    }
}
