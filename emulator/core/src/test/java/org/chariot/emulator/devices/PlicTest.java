package org.chariot.emulator.devices;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.chariot.emulator.cpu.InterruptTarget;
import org.junit.jupiter.api.Test;

class PlicTest {

    private static final int M_CONTEXT = 0, S_CONTEXT = 1;
    private final RecordingInterrupts hart = new RecordingInterrupts();
    private final Plic plic = new Plic(hart);

    private void priority(int source, int value) {
        plic.store(Plic.PRIORITY + 4L * source, 4, value);
    }

    private void enable(int context, int source) {
        long word = Plic.ENABLE + Plic.ENABLE_STRIDE * context + 4L * (source / 32);
        plic.store(word, 4, plic.load(word, 4) | 1L << (source % 32));
    }

    private long claimRegister(int context) {
        return Plic.CONTEXT + Plic.CONTEXT_STRIDE * context + 4;
    }

    private void threshold(int context, int value) {
        plic.store(Plic.CONTEXT + Plic.CONTEXT_STRIDE * context, 4, value);
    }

    @Test
    void enabledSourceAboveThresholdRaisesSupervisorExternalInterrupt() {
        priority(10, 1);
        enable(S_CONTEXT, 10);
        plic.line(10).set(true);
        assertTrue(hart.isPending(InterruptTarget.SEIP));
        assertFalse(hart.isPending(InterruptTarget.MEIP), "the M context did not enable source 10");
        assertEquals(1L << 10, plic.load(Plic.PENDING, 4));
    }

    @Test
    void thresholdAndZeroPriorityMaskASource() {
        enable(S_CONTEXT, 3);
        plic.line(3).set(true);
        assertFalse(hart.isPending(InterruptTarget.SEIP), "priority 0 never interrupts");
        priority(3, 2);
        threshold(S_CONTEXT, 2);
        assertFalse(hart.isPending(InterruptTarget.SEIP));
        threshold(S_CONTEXT, 1);
        assertTrue(hart.isPending(InterruptTarget.SEIP));
    }

    @Test
    void claimTakesTheHighestPriorityAndCompleteRepeatsAStillHighLevel() {
        priority(1, 1);
        priority(5, 3);
        enable(M_CONTEXT, 1);
        enable(M_CONTEXT, 5);
        plic.line(1).set(true);
        plic.line(5).set(true);
        assertEquals(5, plic.load(claimRegister(M_CONTEXT), 4));
        assertEquals(1, plic.load(claimRegister(M_CONTEXT), 4));
        assertEquals(0, plic.load(claimRegister(M_CONTEXT), 4), "nothing left to claim");
        assertFalse(hart.isPending(InterruptTarget.MEIP));

        plic.line(1).set(false);
        plic.store(claimRegister(M_CONTEXT), 4, 1);
        plic.store(claimRegister(M_CONTEXT), 4, 5);
        assertTrue(hart.isPending(InterruptTarget.MEIP), "source 5 is still high, so it is pending again");
        assertEquals(5, plic.load(claimRegister(M_CONTEXT), 4));
    }

    @Test
    void loweringTheLineWithdrawsAPendingInterrupt() {
        priority(7, 1);
        enable(S_CONTEXT, 7);
        plic.line(7).set(true);
        plic.line(7).set(false);
        assertFalse(hart.isPending(InterruptTarget.SEIP));
        assertEquals(0, plic.load(claimRegister(S_CONTEXT), 4));
    }

    @Test
    void registersReadBack() {
        priority(2, 9);
        assertEquals(7, plic.load(Plic.PRIORITY + 8, 4), "priorities saturate at 7");
        enable(S_CONTEXT, 40);
        assertEquals(1L << 8, plic.load(Plic.ENABLE + Plic.ENABLE_STRIDE + 4, 4));
        threshold(S_CONTEXT, 3);
        assertEquals(3, plic.load(Plic.CONTEXT + Plic.CONTEXT_STRIDE, 4));
    }

    @Test
    void sourceZeroDoesNotExist() {
        assertThrows(IllegalArgumentException.class, () -> plic.line(0));
    }
}
