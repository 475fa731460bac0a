package org.chariot.emulator.sbi;

/** What an SBI call returns: {@code a0} = error, {@code a1} = value. */
public record SbiResult(long error, long value) {

    public static final long SUCCESS = 0, FAILED = -1, NOT_SUPPORTED = -2, INVALID_PARAM = -3,
            DENIED = -4, INVALID_ADDRESS = -5, ALREADY_AVAILABLE = -6;

    public static SbiResult success(long value) {
        return new SbiResult(SUCCESS, value);
    }

    public static SbiResult success() {
        return success(0);
    }

    public static SbiResult error(long error) {
        return new SbiResult(error, 0);
    }

    /** Legacy (v0.1) calls return their only result in {@code a0}. */
    public static SbiResult legacy(long a0) {
        return new SbiResult(a0, 0);
    }
}
