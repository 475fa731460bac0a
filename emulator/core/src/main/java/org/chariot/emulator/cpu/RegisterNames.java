package org.chariot.emulator.cpu;

/**
 * The integer registers by their ABI names: the numbers host-side code (the SBI, the boot hand-over,
 * the stub's unwinder) reads by name, and the names reports print, as binutils spells them.
 */
public final class RegisterNames {

    public static final int RA = 1;
    public static final int SP = 2;
    public static final int A0 = 10;
    public static final int A1 = 11;
    public static final int A6 = 16;
    public static final int A7 = 17;

    private static final String[] ABI_NAMES = {
        "zero", "ra", "sp", "gp", "tp", "t0", "t1", "t2", "s0", "s1", "a0", "a1", "a2", "a3", "a4", "a5",
        "a6", "a7", "s2", "s3", "s4", "s5", "s6", "s7", "s8", "s9", "s10", "s11", "t3", "t4", "t5", "t6",
    };

    private RegisterNames() {
    }

    /** Whether {@code x<register>} is one of s0 to s11, which a callee must keep for its caller. */
    public static boolean calleeSaved(int register) {
        return register == 8 || register == 9 || register >= 18 && register <= 27;
    }

    /** The ABI name of {@code x<register>}: {@code zero}, {@code ra}, {@code sp}, ... */
    public static String abiName(int register) {
        return ABI_NAMES[register];
    }
}
