package org.chariot.emulator.sbi;

import org.chariot.emulator.cpu.HartRegisters;
import org.chariot.emulator.cpu.InterruptTarget;
import org.chariot.emulator.cpu.RegisterNames;

/** SBI IPI extension: an inter-processor interrupt is a supervisor software interrupt (SSIP). */
public final class IpiExtension extends SingleFunctionExtension {

    static final long ID = 0x735049L;
    private final InterruptTarget interrupts;

    public IpiExtension(InterruptTarget interrupts) {
        this.interrupts = interrupts;
    }

    @Override
    public long id() {
        return ID;
    }

    @Override
    SbiResult callFunctionZero(HartRegisters hart) {
        long mask = hart.x(RegisterNames.A0), base = hart.x(RegisterNames.A1);
        if (HartMask.namesMissingHart(mask, base)) {
            return SbiResult.error(SbiResult.INVALID_PARAM);
        }
        if (HartMask.includesHartZero(mask, base)) {
            interrupts.setPending(InterruptTarget.SSIP, true);
        }
        return SbiResult.success();
    }
}
