package org.chariot.emulator.cpu;

/** The architectural state that host-side firmware and debuggers may read and change. */
public interface HartRegisters {

    /** Integer register {@code i} (x0 reads 0). */
    long x(int i);

    /** Sets integer register {@code i}; writes to x0 are ignored. */
    void setX(int i, long value);

    long pc();

    void setPc(long pc);

    /** The privilege mode, a {@link org.chariot.emulator.mmu.Privilege} constant. */
    int privilege();

    /** Reads a CSR as M-mode would, without side effects on the trap state. */
    long csr(int number);

    /** Writes a CSR as M-mode would. */
    void setCsr(int number, long value);
}
