package org.chariot.emulator.sbi;

import org.chariot.emulator.cpu.Csr;
import org.chariot.emulator.cpu.HartRegisters;
import org.chariot.emulator.cpu.InterruptTarget;
import org.chariot.emulator.cpu.TimeSource;

/**
 * Programs the supervisor timer the way firmware on an Sstc hart does: writes {@code stimecmp},
 * whose comparison with {@code time} the hart turns into STIP. A deadline in the future also
 * withdraws a pending STIP at once, as the set_timer call requires.
 */
final class TimerProgrammer {

    private final TimeSource time;
    private final InterruptTarget interrupts;

    TimerProgrammer(TimeSource time, InterruptTarget interrupts) {
        this.time = time;
        this.interrupts = interrupts;
    }

    void setTimer(HartRegisters hart, long deadline) {
        hart.setCsr(Csr.STIMECMP, deadline);
        if (Long.compareUnsigned(time.now(), deadline) < 0) {
            interrupts.setPending(InterruptTarget.STIP, false);
        }
    }
}
