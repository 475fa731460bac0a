package org.chariot.emulator.sbi;

import org.chariot.emulator.cpu.HartRegisters;
import org.chariot.emulator.cpu.RegisterNames;
import org.chariot.emulator.devices.PowerControl;

/** SBI SRST extension: shutdown (with failure reason → exit code 1), cold and warm reboot. */
public final class SystemResetExtension extends SingleFunctionExtension {

    static final long ID = 0x53525354L;
    static final long SHUTDOWN = 0, COLD_REBOOT = 1, WARM_REBOOT = 2;
    static final long NO_REASON = 0, SYSTEM_FAILURE = 1;
    private static final long VENDOR_REASONS = 0xf000_0000L;

    private final PowerControl power;

    public SystemResetExtension(PowerControl power) {
        this.power = power;
    }

    @Override
    public long id() {
        return ID;
    }

    @Override
    SbiResult callFunctionZero(HartRegisters hart) {
        long type = hart.x(RegisterNames.A0) & 0xffff_ffffL, reason = hart.x(RegisterNames.A1) & 0xffff_ffffL;
        if (type > WARM_REBOOT || (reason > SYSTEM_FAILURE && reason < VENDOR_REASONS)) {
            return SbiResult.error(SbiResult.INVALID_PARAM);
        }
        if (type == SHUTDOWN) {
            power.powerOff(reason == NO_REASON ? 0 : 1);
        } else {
            power.reboot();
        }
        return SbiResult.success(); // the machine stops before the guest runs again
    }
}
