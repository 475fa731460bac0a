package org.chariot.emulator.devices;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ExampleDeviceTest {

    private static final long TICKS_PER_MICRO = 10;
    private final ManualClock clock = new ManualClock();
    private final RecordingLine irq = new RecordingLine();
    private final ExampleDevice device = new ExampleDevice(clock, irq, 12);

    @Test
    void identifiesItselfAndKeepsScratch() {
        assertEquals(0x43484152L, device.load(ExampleDevice.ID, 4));
        device.store(ExampleDevice.SCRATCH, 4, 0xdead_beefL);
        assertEquals(0xdead_beefL, device.load(ExampleDevice.SCRATCH, 4));
    }

    @Test
    void countdownExpiresAfterItsMicrosecondsAndInterruptsUntilAcknowledged() {
        device.store(ExampleDevice.COUNTDOWN, 4, 5);
        clock.advance(2 * TICKS_PER_MICRO);
        assertEquals(3, device.load(ExampleDevice.COUNTDOWN, 4));
        assertFalse(irq.high());
        clock.advance(3 * TICKS_PER_MICRO);
        assertEquals(0, device.load(ExampleDevice.COUNTDOWN, 4));
        assertTrue(irq.high());
        assertEquals(ExampleDevice.EXPIRED, device.load(ExampleDevice.IRQ_STATUS, 4));
        device.store(ExampleDevice.IRQ_STATUS, 4, 1);
        assertFalse(irq.high());
        assertEquals(0, device.load(ExampleDevice.IRQ_STATUS, 4));
    }

    @Test
    void rewritingTheCountdownReplacesThePreviousOne() {
        device.store(ExampleDevice.COUNTDOWN, 4, 1);
        device.store(ExampleDevice.COUNTDOWN, 4, 100);
        clock.advance(50 * TICKS_PER_MICRO);
        assertFalse(irq.high());
        device.store(ExampleDevice.COUNTDOWN, 4, 0);
        clock.advance(100 * TICKS_PER_MICRO);
        assertFalse(irq.high(), "writing 0 stops the countdown");
    }
}
