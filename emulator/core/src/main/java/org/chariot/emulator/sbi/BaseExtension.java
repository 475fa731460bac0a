package org.chariot.emulator.sbi;

import java.util.function.LongUnaryOperator;
import org.chariot.emulator.cpu.Csr;
import org.chariot.emulator.cpu.HartRegisters;
import org.chariot.emulator.cpu.RegisterNames;

/** SBI base extension: versions, implementation identity, probing, the hart's identity CSRs. */
final class BaseExtension implements SbiExtension {

    static final long ID = 0x10;
    /** SBI specification 1.0 (major in bits 30:24). */
    static final long SPEC_VERSION = 1L << 24;
    /** Not a registered implementation id; "CHAR" in ASCII, so it cannot be mistaken for OpenSBI (1). */
    static final long IMPLEMENTATION_ID = 0x43484152L;
    static final long IMPLEMENTATION_VERSION = 1;

    private final LongUnaryOperator probe;

    BaseExtension(LongUnaryOperator probe) {
        this.probe = probe;
    }

    @Override
    public long id() {
        return ID;
    }

    @Override
    public SbiResult call(int function, HartRegisters hart) {
        return switch (function) {
            case 0 -> SbiResult.success(SPEC_VERSION);
            case 1 -> SbiResult.success(IMPLEMENTATION_ID);
            case 2 -> SbiResult.success(IMPLEMENTATION_VERSION);
            case 3 -> SbiResult.success(probe.applyAsLong(hart.x(RegisterNames.A0)));
            case 4 -> SbiResult.success(hart.csr(Csr.MVENDORID));
            case 5 -> SbiResult.success(hart.csr(Csr.MARCHID));
            case 6 -> SbiResult.success(hart.csr(Csr.MIMPID));
            default -> SbiResult.error(SbiResult.NOT_SUPPORTED);
        };
    }
}
