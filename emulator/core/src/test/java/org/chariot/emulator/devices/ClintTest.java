package org.chariot.emulator.devices;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.chariot.emulator.cpu.InterruptTarget;
import org.junit.jupiter.api.Test;

class ClintTest {

    private final ManualClock clock = new ManualClock();
    private final RecordingInterrupts hart = new RecordingInterrupts();
    private final Clint clint = new Clint(clock, hart);

    @Test
    void mtimeIsTheMachineClock() {
        clock.advance(12345);
        assertEquals(12345, clint.load(Clint.MTIME, 8));
        assertEquals(12345, clint.load(Clint.MTIME, 4));
        assertEquals(0, clint.load(Clint.MTIME + 4, 4));
    }

    @Test
    void timerInterruptRisesWhenTimeReachesCompareAndFallsWhenCompareMovesAhead() {
        clint.store(Clint.MTIMECMP, 8, 100);
        assertFalse(hart.isPending(InterruptTarget.MTIP));
        clock.advance(99);
        assertFalse(hart.isPending(InterruptTarget.MTIP));
        clock.advance(1);
        assertTrue(hart.isPending(InterruptTarget.MTIP));
        clint.store(Clint.MTIMECMP, 8, 500);
        assertFalse(hart.isPending(InterruptTarget.MTIP));
        assertEquals(500, clint.load(Clint.MTIMECMP, 8));
    }

    @Test
    void compareInThePastRaisesAtOnce() {
        clock.advance(1000);
        clint.store(Clint.MTIMECMP, 4, 10);
        clint.store(Clint.MTIMECMP + 4, 4, 0);
        assertTrue(hart.isPending(InterruptTarget.MTIP));
    }

    @Test
    void resetValueOfCompareNeverFires() {
        clock.advance(1L << 40);
        assertFalse(hart.isPending(InterruptTarget.MTIP));
        assertEquals(-1L, clint.load(Clint.MTIMECMP, 8));
    }

    @Test
    void msipDrivesTheMachineSoftwareInterrupt() {
        clint.store(Clint.MSIP, 4, 1);
        assertTrue(hart.isPending(InterruptTarget.MSIP));
        assertEquals(1, clint.load(Clint.MSIP, 4));
        clint.store(Clint.MSIP, 4, 0);
        assertFalse(hart.isPending(InterruptTarget.MSIP));
    }
}
