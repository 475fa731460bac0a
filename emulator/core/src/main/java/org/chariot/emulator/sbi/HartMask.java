package org.chariot.emulator.sbi;

/** The SBI's (hart_mask, hart_mask_base) pair, on a machine whose only hart is hart 0. */
final class HartMask {

    private HartMask() {
    }

    /** True if the pair names hart 0; a base of -1 means "all harts". */
    static boolean includesHartZero(long mask, long base) {
        if (base == -1) {
            return true;
        }
        return base == 0 && (mask & 1) != 0;
    }

    /** True if the pair names a hart other than hart 0, which does not exist here. */
    static boolean namesMissingHart(long mask, long base) {
        if (base == -1) {
            return false;
        }
        return base != 0 ? mask != 0 : (mask & ~1L) != 0;
    }
}
