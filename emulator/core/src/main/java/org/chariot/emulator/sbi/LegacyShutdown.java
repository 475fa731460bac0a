package org.chariot.emulator.sbi;

import org.chariot.emulator.cpu.HartRegisters;
import org.chariot.emulator.devices.PowerControl;

/** Legacy SBI v0.1 shutdown (extension 0x08). */
public final class LegacyShutdown implements SbiExtension {

    private final PowerControl power;

    public LegacyShutdown(PowerControl power) {
        this.power = power;
    }

    @Override
    public long id() {
        return 0x08;
    }

    @Override
    public SbiResult call(int function, HartRegisters hart) {
        power.powerOff(0);
        return SbiResult.legacy(0);
    }
}
