package org.chariot.emulator.cpu;

import java.util.List;
import org.chariot.emulator.mmu.Privilege;

/**
 * What the hart knew when the emulator failed (as opposed to the guest taking a trap): enough to
 * find the guest code involved and the emulator bug, without a Java stack trace.
 */
public record FaultReport(String problem, long pc, int privilege, long[] registers, List<Long> recentPcs) {

    public FaultReport {
        registers = registers.clone();
        recentPcs = List.copyOf(recentPcs);
    }

    @Override
    public long[] registers() {
        return registers.clone();
    }

    /** A multi-line report for a terminal or a log. */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder();
        text.append(String.format("emulator fault: %s%n  at pc 0x%016x in %s-mode%n", problem, pc, Privilege.letter(privilege)));
        for (int i = 0; i < registers.length; i++) {
            text.append(String.format("  %-4s 0x%016x%s", RegisterNames.abiName(i), registers[i], i % 4 == 3 ? "\n" : ""));
        }
        text.append("  last instructions (oldest first):");
        for (long recent : recentPcs) {
            text.append(String.format(" 0x%x", recent));
        }
        return text.append('\n').toString();
    }
}
