package org.chariot.emulator.devices.virtio;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.chariot.emulator.bus.AccessFault;
import org.chariot.emulator.devices.pci.PciTestBus;
import org.junit.jupiter.api.Test;

class VirtioPciTest {

    private static final int MSI_X = 0x11;
    private final PciTestBus bus = new PciTestBus();

    private QueueDriver rng() {
        return new QueueDriver(memory -> new PciTransport(bus, new VirtioPci(new VirtioRng(), memory)), 1);
    }

    private static PciTransport pci(QueueDriver driver) {
        return (PciTransport) driver.transport();
    }

    private boolean interrupt(QueueDriver driver) {
        return bus.intx(pci(driver).slot()).high();
    }

    @Test
    void aModernFunctionWithFourStructuresInOneBarAndNoMsiX() throws AccessFault {
        PciTransport transport = pci(rng());
        int slot = transport.slot();
        assertEquals(0x1044_1af4L, bus.config(slot, 0, 4), "vendor 0x1af4, device 0x1040 + 4 (entropy)");
        assertEquals(1, bus.config(slot, 0x08, 1), "revision 1: modern only");
        assertEquals(4 * VirtioPci.STRUCTURE_SIZE, bus.sizeOf(slot, VirtioPci.BAR));
        List<Integer> capabilities = bus.capabilities(slot, VirtioPci.CAPABILITY_VENDOR);
        assertEquals(List.of(VirtioPci.COMMON_CFG, VirtioPci.NOTIFY_CFG, VirtioPci.ISR_CFG, VirtioPci.DEVICE_CFG),
                capabilities.stream().map(at -> (int) config(slot, at + 3)).toList());
        assertEquals(20, config(slot, capabilities.get(1) + 2), "the notify capability is longer: its multiplier");
        assertEquals(0, bus.capability(slot, MSI_X), "no MSI-X: the driver uses INTx");
        assertEquals(1, transport.common(VirtioPci.NUM_QUEUES, 2));
        assertEquals(VirtioPci.NO_VECTOR, transport.common(VirtioPci.MSIX_CONFIG, 2));
    }

    private long config(int slot, int offset) {
        try {
            return bus.config(slot, offset, 1);
        } catch (AccessFault e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void queueFieldsReadBackWhatTheDriverWroteInHalves() {
        PciTransport transport = pci(rng());
        transport.setCommon(VirtioPci.QUEUE_SELECT, 2, 0);
        assertEquals(QueueDriver.QUEUE_SIZE, transport.common(VirtioPci.QUEUE_SIZE, 2));
        assertEquals(QueueDriver.DESCRIPTORS, transport.common(VirtioPci.QUEUE_DESC, 8));
        assertEquals(QueueDriver.USED >>> 32, transport.common(VirtioPci.QUEUE_DEVICE + 4, 4));
        assertEquals(1, transport.common(VirtioPci.QUEUE_ENABLE, 2));
        transport.setCommon(VirtioPci.QUEUE_SELECT, 2, 1);
        assertEquals(0, transport.common(VirtioPci.QUEUE_SIZE, 2), "there is no queue 1");
        transport.setStatus(0);
        transport.setCommon(VirtioPci.QUEUE_SELECT, 2, 0);
        assertEquals(SplitVirtqueue.MAX_SIZE, transport.common(VirtioPci.QUEUE_SIZE, 2), "after a reset: the largest");
        assertEquals(0, transport.common(VirtioPci.QUEUE_ENABLE, 2));
    }

    @Test
    void aRequestIsServedOnNotifyAndTheIsrReadAcknowledgesTheInterrupt() {
        QueueDriver driver = rng();
        driver.submit(0, driver.descriptor(0, QueueDriver.DATA, 32, true, false));
        assertEquals(1, driver.usedIndex(0));
        assertArrayEquals(new long[] {0, 32}, driver.usedElement(0, 0));
        assertTrue(interrupt(driver));
        assertEquals(VirtioDevice.USED_BUFFER, pci(driver).isr());
        assertFalse(interrupt(driver), "reading the ISR acknowledged it");
        assertEquals(0, pci(driver).isr());
    }

    @Test
    void aFunctionThatIsNotBusMasterDoesNotTouchItsQueues() throws AccessFault {
        QueueDriver driver = rng();
        bus.disable(pci(driver).slot(), PciTestBus.BUS_MASTER);
        driver.submit(0, driver.descriptor(0, QueueDriver.DATA, 32, true, false));
        assertEquals(0, driver.usedIndex(0));
        bus.enable(pci(driver).slot(), PciTestBus.BUS_MASTER);
        driver.transport().notify(0);
        assertEquals(1, driver.usedIndex(0), "served once it may reach memory");
    }

    @Test
    void aDriverTakingAFeatureNotOfferedCannotSetFeaturesOk() {
        PciTransport transport = pci(rng());
        transport.setStatus(0);
        transport.setStatus(QueueDriver.ACKNOWLEDGE | QueueDriver.DRIVER);
        transport.setDriverFeatures(0, 1 << 5);
        transport.setDriverFeatures(1, 1);
        transport.setStatus(QueueDriver.ACKNOWLEDGE | QueueDriver.DRIVER | VirtioDevice.FEATURES_OK);
        assertEquals(0, transport.status() & VirtioDevice.FEATURES_OK);
        transport.setCommon(VirtioPci.DEVICE_FEATURE_SELECT, 4, 1);
        assertEquals(1, transport.common(VirtioPci.DEVICE_FEATURE, 4), "only VIRTIO_F_VERSION_1 is offered");
    }
}
