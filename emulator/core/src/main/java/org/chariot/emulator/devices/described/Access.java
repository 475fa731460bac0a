package org.chariot.emulator.devices.described;

import java.util.Arrays;
import java.util.stream.Collectors;

/** How the driver may use a register of a described device: what its reads return and its writes do. */
public enum Access {
    /** Read-only: writes are ignored. */
    RO("ro"),
    /** Read-write: reads return what was last written (or the device set). */
    RW("rw"),
    /** Write-only: reads return 0. */
    WO("wo"),
    /** Write 1 to clear: each 1 written clears that bit; 0s leave bits alone. */
    W1C("w1c"),
    /** Write 1 to set: each 1 written sets that bit; 0s leave bits alone. */
    W1S("w1s"),
    /** Read to clear: read-only, and a read clears the bits it returned. */
    RC("rc");

    private final String keyword;

    Access(String keyword) {
        this.keyword = keyword;
    }

    public String keyword() {
        return keyword;
    }

    /** The access a device file names, or null. */
    static Access named(String keyword) {
        return Arrays.stream(values()).filter(a -> a.keyword.equals(keyword)).findFirst().orElse(null);
    }

    static String keywords() {
        return Arrays.stream(values()).map(Access::keyword).collect(Collectors.joining(", "));
    }

    /** The register after a driver writes {@code value} into the bits of {@code lanes}. */
    long written(long old, long value, long lanes) {
        long bits = value & lanes;
        return switch (this) {
            case RO, RC -> old;
            case RW, WO -> (old & ~lanes) | bits;
            case W1C -> old & ~bits;
            case W1S -> old | bits;
        };
    }

    /** What a driver's read of {@code value} returns. */
    long read(long value) {
        return this == WO ? 0 : value;
    }

    /** The register after a driver read the bits of {@code lanes}. */
    long afterRead(long value, long lanes) {
        return this == RC ? value & ~lanes : value;
    }
}
