package org.chariot.emulator.devices;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.chariot.emulator.bus.AccessFault;
import org.chariot.emulator.bus.Device;
import org.junit.jupiter.api.Test;

class ExampleDeviceTest {

    private final ManualClock clock = new ManualClock();
    private final RecordingLine irq = new RecordingLine();
    private final ExampleDevice device = new ExampleDevice(clock, irq, 12);

    @Test
    void identifiesItselfAndKeepsScratch() throws AccessFault {
        assertEquals(0x43484152L, device.load(ExampleDevice.ID, 4));
        device.store(ExampleDevice.ID, 4, 0);
        assertEquals(0x43484152L, device.load(ExampleDevice.ID, 4), "ID is read-only");
        device.store(ExampleDevice.SCRATCH, 4, 0xdead_beefL);
        assertEquals(0xdead_beefL, device.load(ExampleDevice.SCRATCH, 4));
        assertEquals(0, device.load(0x10, 4), "no register there");
    }

    @Test
    void countdownExpiresAfterItsTicksAndInterruptsUntilAcknowledged() throws AccessFault {
        device.store(ExampleDevice.COUNTDOWN, 4, 50);
        clock.advance(20);
        assertEquals(30, device.load(ExampleDevice.COUNTDOWN, 4));
        assertFalse(irq.high());
        clock.advance(30);
        assertEquals(0, device.load(ExampleDevice.COUNTDOWN, 4));
        assertTrue(irq.high());
        assertEquals(ExampleDevice.EXPIRED, device.load(ExampleDevice.STATUS, 4));
        device.store(ExampleDevice.STATUS, 4, 0);
        assertTrue(irq.high(), "writing 0 leaves EXPIRED alone");
        device.store(ExampleDevice.STATUS, 4, 1);
        assertFalse(irq.high());
        assertEquals(0, device.load(ExampleDevice.STATUS, 4));
    }

    @Test
    void expiryStaysSetWhenTheCountdownIsRestartedBeforeAcknowledgement() throws AccessFault {
        device.store(ExampleDevice.COUNTDOWN, 4, 1);
        clock.advance(1);
        device.store(ExampleDevice.COUNTDOWN, 4, 100);
        assertTrue(irq.high());
        assertEquals(ExampleDevice.EXPIRED, device.load(ExampleDevice.STATUS, 4));
    }

    @Test
    void rewritingTheCountdownReplacesThePreviousOneAndZeroStopsIt() throws AccessFault {
        device.store(ExampleDevice.COUNTDOWN, 4, 1);
        device.store(ExampleDevice.COUNTDOWN, 4, 100);
        clock.advance(50);
        assertFalse(irq.high());
        device.store(ExampleDevice.COUNTDOWN, 4, 0);
        assertEquals(0, device.load(ExampleDevice.COUNTDOWN, 4));
        clock.advance(100);
        assertFalse(irq.high(), "writing 0 stops the countdown without an interrupt");
    }

    @Test
    void onlyAlignedWordAccessesAreSupported() {
        assertEquals(Device.sizes(4), device.supportedSizes(), "the bus refuses other sizes");
        assertThrows(AccessFault.class, () -> device.store(ExampleDevice.SCRATCH + 2, 4, 0));
    }
}
