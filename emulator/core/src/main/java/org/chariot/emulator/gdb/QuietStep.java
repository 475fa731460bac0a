package org.chariot.emulator.gdb;

import org.chariot.emulator.cpu.Csr;
import org.chariot.emulator.cpu.DebugAccess;
import org.chariot.emulator.cpu.StopReason;
import org.chariot.emulator.mmu.MemoryFault;

/**
 * A single step with interrupts held off, as GDB expects of a step (QEMU's stub does the same):
 * otherwise a timer that expired while the user looked at a line makes {@code next} land in the
 * trap handler. The enables ({@code mie}) are cleared for the one instruction and put back, unless
 * that instruction is itself a CSR access to {@code sie} or {@code mie}, which then steps unmasked.
 */
final class QuietStep {

    private static final int SYSTEM_OPCODE = 0x73;

    private QuietStep() {
    }

    static StopReason step(DebugAccess hart) {
        if (touchesInterruptEnables(hart)) {
            return hart.step();
        }
        long enables = hart.csr(Csr.MIE);
        hart.setCsr(Csr.MIE, 0);
        try {
            return hart.step();
        } finally {
            hart.setCsr(Csr.MIE, enables);
        }
    }

    private static boolean touchesInterruptEnables(DebugAccess hart) {
        int bits;
        try {
            byte[] instruction = hart.readMemory(hart.pc(), 4);
            bits = (instruction[0] & 0xff) | (instruction[1] & 0xff) << 8 | (instruction[2] & 0xff) << 16
                    | (instruction[3] & 0xff) << 24;
        } catch (MemoryFault unreadable) {
            return false; // the step will fault on the fetch; no CSR access happens
        }
        int csr = bits >>> 20;
        boolean csrInstruction = (bits & 0x7f) == SYSTEM_OPCODE && ((bits >>> 12) & 7) != 0;
        return csrInstruction && (csr == Csr.SIE || csr == Csr.MIE);
    }
}
