package org.chariot.emulator.sbi;

import org.chariot.emulator.cpu.HartRegisters;
import org.chariot.emulator.cpu.RegisterNames;

/** SBI HSM extension for the one hart there is: it is always started and cannot be stopped. */
public final class HartStateExtension implements SbiExtension {

    static final long ID = 0x48534dL;
    static final int HART_START = 0, HART_GET_STATUS = 2;
    static final long STARTED = 0;

    @Override
    public long id() {
        return ID;
    }

    @Override
    public SbiResult call(int function, HartRegisters hart) {
        boolean hartZero = hart.x(RegisterNames.A0) == 0;
        return switch (function) {
            case HART_START -> SbiResult.error(hartZero ? SbiResult.ALREADY_AVAILABLE : SbiResult.INVALID_PARAM);
            case HART_GET_STATUS -> hartZero ? SbiResult.success(STARTED) : SbiResult.error(SbiResult.INVALID_PARAM);
            default -> SbiResult.error(SbiResult.NOT_SUPPORTED);
        };
    }
}
