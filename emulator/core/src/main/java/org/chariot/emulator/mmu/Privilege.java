package org.chariot.emulator.mmu;

/**
 * The privilege modes, numbered as {@code mstatus.MPP} and the CSR numbers encode them. They live
 * here, in the lowest layer that needs them, because the hart tells the MMU its mode for each access.
 */
public final class Privilege {

    public static final int USER = 0;
    public static final int SUPERVISOR = 1;
    public static final int MACHINE = 3;

    private Privilege() {
    }

    /** Whether {@code mode} is one of the three modes this machine implements (2 is reserved). */
    public static boolean exists(int mode) {
        return mode == USER || mode == SUPERVISOR || mode == MACHINE;
    }

    /** {@code U}, {@code S} or {@code M}, as reports name the mode. */
    public static char letter(int mode) {
        return "US?M".charAt(mode);
    }
}
