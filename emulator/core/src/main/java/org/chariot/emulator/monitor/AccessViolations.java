package org.chariot.emulator.monitor;

import org.chariot.emulator.cpu.DebugAccess;
import org.chariot.emulator.cpu.Hart;

/**
 * The report of the memory access the hart executes now: its instruction, the driver's line (for a
 * helper's or other kernel function's access, the driver's call of it) and the call stack. The
 * write and read checks report through it alike.
 */
final class AccessViolations {

    private static final int RA = 1;

    private final Hart hart;
    private final DebugAccess guest;
    private final DriverContext context;
    private final CallStacks stacks;

    AccessViolations(Hart hart, DriverContext context, CallStacks stacks) {
        this.hart = hart;
        this.guest = hart.debug();
        this.context = context;
        this.stacks = stacks;
    }

    /**
     * Violation {@code id} of {@code module}'s access of {@code size} bytes at {@code address}:
     * {@code value} the bytes written (or read), {@code old} what was there.
     */
    Violation of(long id, IsolatedModule module, long address, int size, byte[] value, byte[] old,
            WriteClassifier.Hit hit, String verdict) {
        long pc = hart.pc();
        CallTree.KernelCall call = context.call();
        Frame callSite = call != null ? call.callSite() : null;
        Frame source = callSite != null ? callSite : module.driverLine(pc);
        return new Violation(id, module.name(), pc, AccessDisassembler.disassemble(GuestBytes.instructionAt(guest, pc)),
                address, size, value, old, hit.kind(), hit.target(), hit.nearestObject(),
                stacks.of(module, pc, hart.x(RA), callSite), source, verdict);
    }
}
