package org.chariot.emulator.coverage;

/**
 * How often each instruction of one code section of a module ran, by halfword offset (RISC-V
 * instructions start on any halfword with the C extension), and for each conditional branch how
 * often it was taken and how often it fell through.
 */
final class SectionCounts {

    final int[] executed;
    final int[] taken;
    final int[] fellThrough;
    final boolean[] branch;

    SectionCounts(long size) {
        int halfwords = (int) ((size + 1) / 2);
        executed = new int[halfwords];
        taken = new int[halfwords];
        fellThrough = new int[halfwords];
        branch = new boolean[halfwords];
    }

    int executedAt(long offset) {
        int index = (int) (offset >>> 1);
        return index < executed.length ? executed[index] : 0;
    }
}
