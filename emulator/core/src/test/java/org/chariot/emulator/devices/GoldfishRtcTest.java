package org.chariot.emulator.devices;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class GoldfishRtcTest {

    private static final long EPOCH_NANOS = 1_767_225_600L * 1_000_000_000L; // 2026-01-01T00:00:00Z
    private static final long TICKS_PER_SECOND = 10_000_000;

    private final ManualClock clock = new ManualClock();
    private final RecordingLine irq = new RecordingLine();
    private final GoldfishRtc rtc = new GoldfishRtc(clock, EPOCH_NANOS, irq, 11);

    /** As rtc-goldfish reads it: TIME_LOW first, which latches TIME_HIGH. */
    private long readTime() {
        long low = rtc.load(GoldfishRtc.TIME_LOW, 4);
        long high = rtc.load(GoldfishRtc.TIME_HIGH, 4);
        return high << 32 | low;
    }

    /** As rtc-goldfish arms it: high half, low half (which arms), enable. */
    private void setAlarm(long nanos) {
        rtc.store(GoldfishRtc.ALARM_HIGH, 4, nanos >>> 32);
        rtc.store(GoldfishRtc.ALARM_LOW, 4, nanos & 0xffff_ffffL);
        rtc.store(GoldfishRtc.IRQ_ENABLED, 4, 1);
    }

    @Test
    void timeIsTheWallClockAtPowerOnPlusGuestTime() {
        assertEquals(EPOCH_NANOS, readTime());
        clock.advance(3 * TICKS_PER_SECOND + 5);
        assertEquals(EPOCH_NANOS + 3_000_000_500L, readTime());
    }

    @Test
    void theHighHalfIsTheOneLatchedByTheLastLowRead() {
        long low = rtc.load(GoldfishRtc.TIME_LOW, 4);
        clock.advance(1000L * TICKS_PER_SECOND); // carries into the high half meanwhile
        assertEquals(EPOCH_NANOS, rtc.load(GoldfishRtc.TIME_HIGH, 4) << 32 | low);
    }

    @Test
    void settingTheTimeMovesTheCountWhichThenRunsOn() {
        long target = 2_000_000_000L * 1_000_000_000L;
        rtc.store(GoldfishRtc.TIME_HIGH, 4, target >>> 32);
        rtc.store(GoldfishRtc.TIME_LOW, 4, target & 0xffff_ffffL);
        assertEquals(target, readTime());
        clock.advance(TICKS_PER_SECOND);
        assertEquals(target + 1_000_000_000L, readTime());
    }

    @Test
    void anAlarmInterruptsWhenTheCountReachesItUntilCleared() {
        setAlarm(EPOCH_NANOS + 2_000_000_000L);
        assertEquals(1, rtc.load(GoldfishRtc.ALARM_STATUS, 4), "armed");
        clock.advance(2 * TICKS_PER_SECOND - 1);
        assertFalse(irq.high());
        clock.advance(1);
        assertTrue(irq.high());
        assertEquals(0, rtc.load(GoldfishRtc.ALARM_STATUS, 4), "an alarm that fired no longer runs");
        rtc.store(GoldfishRtc.CLEAR_INTERRUPT, 4, 1);
        assertFalse(irq.high());
    }

    @Test
    void thePendingInterruptReachesTheLineOnlyWhileEnabled() {
        setAlarm(EPOCH_NANOS + 1);
        clock.advance(1);
        assertTrue(irq.high());
        rtc.store(GoldfishRtc.IRQ_ENABLED, 4, 0);
        assertFalse(irq.high());
        rtc.store(GoldfishRtc.IRQ_ENABLED, 4, 1);
        assertTrue(irq.high(), "still pending");
    }

    @Test
    void aClearedAlarmDoesNotFireAndAPastOneFiresAtOnce() {
        setAlarm(EPOCH_NANOS + 1_000_000_000L);
        rtc.store(GoldfishRtc.CLEAR_ALARM, 4, 1);
        assertEquals(0, rtc.load(GoldfishRtc.ALARM_STATUS, 4));
        clock.advance(2 * TICKS_PER_SECOND);
        assertFalse(irq.high());
        setAlarm(EPOCH_NANOS);
        assertTrue(irq.high());
    }

    @Test
    void alarmRegistersReadBack() {
        setAlarm(0x1234_5678_9abc_def0L);
        assertEquals(0x9abc_def0L, rtc.load(GoldfishRtc.ALARM_LOW, 4));
        assertEquals(0x1234_5678L, rtc.load(GoldfishRtc.ALARM_HIGH, 4));
        assertEquals(1, rtc.load(GoldfishRtc.IRQ_ENABLED, 4));
    }
}
