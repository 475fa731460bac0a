package org.chariot.emulator.gdb;

import java.util.Set;
import org.chariot.emulator.cpu.Csr;
import org.chariot.emulator.cpu.DebugAccess;
import org.chariot.emulator.cpu.Decoded;
import org.chariot.emulator.cpu.Opcode;
import org.chariot.emulator.cpu.StopReason;
import org.chariot.emulator.mmu.MemoryFault;

/**
 * A single step with interrupts held off, as GDB expects of a step (QEMU's stub does the same):
 * otherwise a timer that expired while the user looked at a line makes {@code next} land in the
 * trap handler. The enables ({@code mie}) are cleared for the one instruction and put back, unless
 * that instruction is itself a CSR access to {@code sie} or {@code mie}, which then steps unmasked.
 */
final class QuietStep {

    private static final Set<Opcode> CSR_ACCESSES = Set.of(Opcode.CSRRW, Opcode.CSRRS, Opcode.CSRRC,
            Opcode.CSRRWI, Opcode.CSRRSI, Opcode.CSRRCI);

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
        Decoded instruction;
        try {
            instruction = Decoded.of(hart.readInstruction(hart.pc()));
        } catch (MemoryFault unreadable) {
            return false; // the step will fault on the fetch; no CSR access happens
        }
        return CSR_ACCESSES.contains(instruction.opcode())
                && (instruction.csr() == Csr.SIE || instruction.csr() == Csr.MIE);
    }
}
