package org.chariot.emulator.sbi;

import org.chariot.emulator.cpu.HartRegisters;
import org.chariot.emulator.cpu.RegisterNames;

/**
 * SBI RFENCE extension on a single-hart machine: the only "remote" hart is the caller, which by the
 * SBI's contract has already made its own stores visible and which performs its own local fences
 * (a single-hart Linux flushes locally), so fence.i and sfence.vma requests have nothing left to do.
 * The hypervisor fences are not supported (no H extension).
 */
public final class RfenceExtension implements SbiExtension {

    static final long ID = 0x52464e43L;
    private static final int REMOTE_FENCE_I = 0, REMOTE_SFENCE_VMA_ASID = 2;

    @Override
    public long id() {
        return ID;
    }

    @Override
    public SbiResult call(int function, HartRegisters hart) {
        if (function < REMOTE_FENCE_I || function > REMOTE_SFENCE_VMA_ASID) {
            return SbiResult.error(SbiResult.NOT_SUPPORTED);
        }
        if (HartMask.namesMissingHart(hart.x(RegisterNames.A0), hart.x(RegisterNames.A1))) {
            return SbiResult.error(SbiResult.INVALID_PARAM);
        }
        return SbiResult.success();
    }
}
