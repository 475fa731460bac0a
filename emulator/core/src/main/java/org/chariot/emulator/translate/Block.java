package org.chariot.emulator.translate;

import org.chariot.emulator.mmu.MemoryFault;
import org.chariot.emulator.mmu.Mmu;

/** A translated block: runs its instructions on the registers {@code x} and returns the pc where execution goes on. */
public abstract class Block {

    /** Instructions in one pass through the block; a block that loops on itself retires a multiple. */
    public abstract int length();

    /**
     * Runs the block at least once and, if it loops on itself, again while {@code budget} allows.
     * Registers are written back before every store and before returning or throwing.
     */
    public abstract long run(long[] x, Mmu mmu, Progress progress, int budget) throws MemoryFault;
}
