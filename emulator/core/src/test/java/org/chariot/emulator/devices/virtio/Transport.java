package org.chariot.emulator.devices.virtio;

/** How a test's driver reaches a virtio device: the transport's registers, whichever transport. */
interface Transport {

    void setStatus(int status);

    int status();

    void setDriverFeatures(int select, int word);

    /** Sizes queue {@code index}, gives its three areas and makes it live. */
    void setUpQueue(int index, int size, long descriptors, long available, long used);

    void notify(int index);
}
