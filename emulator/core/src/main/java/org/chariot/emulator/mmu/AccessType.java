package org.chariot.emulator.mmu;

/** The three kinds of access, each with its own TLB and its own exception codes. */
public enum AccessType {
    FETCH(0, 1, 12),
    LOAD(4, 5, 13),
    /** Stores and atomic memory operations. */
    STORE(6, 7, 15);

    private final int misalignedCause;
    private final int accessFaultCause;
    private final int pageFaultCause;

    AccessType(int misalignedCause, int accessFaultCause, int pageFaultCause) {
        this.misalignedCause = misalignedCause;
        this.accessFaultCause = accessFaultCause;
        this.pageFaultCause = pageFaultCause;
    }

    public int misalignedCause() {
        return misalignedCause;
    }

    public int accessFaultCause() {
        return accessFaultCause;
    }

    public int pageFaultCause() {
        return pageFaultCause;
    }
}
