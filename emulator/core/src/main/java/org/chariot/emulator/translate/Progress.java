package org.chariot.emulator.translate;

/**
 * Where a running block is, kept up to date before each memory access so that a fault or a halted
 * store is precise: the pc of the instruction making it, and how many instructions the run of the
 * block retired before it. After a normal return, {@link #executed} is the count of the whole run.
 */
public final class Progress {

    public long pc;
    public int executed;
}
