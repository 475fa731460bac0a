package org.chariot.emulator.sbi;

import org.chariot.emulator.cpu.HartRegisters;
import org.chariot.emulator.cpu.InterruptTarget;
import org.chariot.emulator.cpu.RegisterNames;
import org.chariot.emulator.cpu.TimeSource;

/** Legacy SBI v0.1 set_timer (extension 0x00). */
public final class LegacySetTimer implements SbiExtension {

    private final TimerProgrammer timer;

    public LegacySetTimer(TimeSource time, InterruptTarget interrupts) {
        this.timer = new TimerProgrammer(time, interrupts);
    }

    @Override
    public long id() {
        return 0x00;
    }

    @Override
    public SbiResult call(int function, HartRegisters hart) {
        timer.setTimer(hart, hart.x(RegisterNames.A0));
        return SbiResult.legacy(0);
    }
}
