package org.chariot.emulator.sbi;

import org.chariot.emulator.cpu.HartRegisters;
import org.chariot.emulator.cpu.InterruptTarget;
import org.chariot.emulator.cpu.RegisterNames;
import org.chariot.emulator.cpu.TimeSource;

/** SBI TIME extension: set_timer. */
public final class TimerExtension extends SingleFunctionExtension {

    static final long ID = 0x54494d45L;
    private final TimerProgrammer timer;

    public TimerExtension(TimeSource time, InterruptTarget interrupts) {
        this.timer = new TimerProgrammer(time, interrupts);
    }

    @Override
    public long id() {
        return ID;
    }

    @Override
    SbiResult callFunctionZero(HartRegisters hart) {
        timer.setTimer(hart, hart.x(RegisterNames.A0));
        return SbiResult.success();
    }
}
