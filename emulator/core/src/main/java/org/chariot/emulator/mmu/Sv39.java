package org.chariot.emulator.mmu;

import org.chariot.emulator.bus.AccessFault;
import org.chariot.emulator.bus.Bus;

/**
 * The Sv39 page-table walk: three levels of 512 eight-byte entries, 4 KiB pages, 2 MiB and 1 GiB
 * superpages. Sets the accessed and dirty bits in hardware, as the kernel expects of a hart without
 * Svade; the hart's thread is the only walker, so the update is atomic with respect to the guest.
 */
final class Sv39 {

    static final long V = 1, R = 2, W = 4, X = 8, U = 16, A = 64, D = 128;
    private static final int LEVELS = 3;
    private static final long RESERVED = 0xffc0_0000_0000_0000L;
    private static final long PPN_MASK = (1L << 44) - 1;

    private final Bus bus;
    /** Whether the last successful walk ended at a superpage leaf. */
    private boolean lastWasSuperpage;

    Sv39(Bus bus) {
        this.bus = bus;
    }

    boolean lastWasSuperpage() {
        return lastWasSuperpage;
    }

    /**
     * Translates {@code va} for an access of {@code type} at {@code privilege} and returns the
     * physical address of its 4 KiB page.
     *
     * @param updateBits false for debugger accesses, which must leave A and D alone
     */
    long walk(long rootPpn, long va, AccessType type, int privilege, boolean sum, boolean mxr, boolean updateBits)
            throws MemoryFault {
        if ((va << 25 >> 25) != va) {
            throw new MemoryFault(type.pageFaultCause(), va);
        }
        long table = rootPpn << 12;
        for (int level = LEVELS - 1; level >= 0; level--) {
            long pteAddress = table + ((va >>> (12 + 9 * level)) & 0x1ff) * 8;
            long pte = readPte(pteAddress, type, va);
            if ((pte & V) == 0 || (pte & (R | W)) == W || (pte & RESERVED) != 0) {
                throw new MemoryFault(type.pageFaultCause(), va);
            }
            long ppn = (pte >>> 10) & PPN_MASK;
            if ((pte & (R | X)) == 0) {
                table = ppn << 12;
                continue;
            }
            long superpageMask = (1L << (9 * level)) - 1;
            if (!permits(pte, type, privilege, sum, mxr) || (ppn & superpageMask) != 0) {
                throw new MemoryFault(type.pageFaultCause(), va);
            }
            if (updateBits) {
                markAccessed(pteAddress, pte, type, va);
            }
            lastWasSuperpage = level > 0;
            long pageOffsetMask = (1L << (12 + 9 * level)) - 1;
            return ((ppn << 12) & ~pageOffsetMask) | (va & pageOffsetMask & Tlb.PAGE_MASK);
        }
        throw new MemoryFault(type.pageFaultCause(), va);
    }

    private static boolean permits(long pte, AccessType type, int privilege, boolean sum, boolean mxr) {
        boolean userPage = (pte & U) != 0;
        if (privilege == Privilege.USER && !userPage) {
            return false;
        }
        if (privilege == Privilege.SUPERVISOR && userPage && (type == AccessType.FETCH || !sum)) {
            return false;
        }
        return switch (type) {
            case FETCH -> (pte & X) != 0;
            case LOAD -> (pte & R) != 0 || (mxr && (pte & X) != 0);
            case STORE -> (pte & W) != 0;
        };
    }

    private void markAccessed(long pteAddress, long pte, AccessType type, long va) throws MemoryFault {
        long updated = pte | A | (type == AccessType.STORE ? D : 0);
        if (updated != pte) {
            try {
                bus.store(pteAddress, 8, updated);
            } catch (AccessFault e) {
                throw new MemoryFault(type.accessFaultCause(), va);
            }
        }
    }

    private long readPte(long address, AccessType type, long va) throws MemoryFault {
        try {
            return bus.load(address, 8);
        } catch (AccessFault e) {
            throw new MemoryFault(type.accessFaultCause(), va);
        }
    }
}
