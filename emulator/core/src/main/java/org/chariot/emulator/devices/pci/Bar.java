package org.chariot.emulator.devices.pci;

/**
 * A base address register of a function: which register, what kind of space it asks for and how
 * much. The function answers accesses inside it at offsets from wherever the guest placed it.
 */
public record Bar(int index, Kind kind, long size) {

    /** The space a BAR claims, as its low bits tell software. */
    public enum Kind {
        /** Memory anywhere below 4 GiB: low bits 0b0000. */
        MEMORY_32(0x0, 16),
        /** Memory anywhere in 64 bits, taking this register and the next: low bits 0b0100. */
        MEMORY_64(0x4, 16),
        /** I/O ports: low bits 0b01. */
        IO(0x1, 4);

        private final int flags;
        private final long minimumSize;

        Kind(int flags, long minimumSize) {
            this.flags = flags;
            this.minimumSize = minimumSize;
        }

        int flags() {
            return flags;
        }

        /** The low bits of the register that hold flags rather than address. */
        int flagMask() {
            return this == IO ? 0x3 : 0xf;
        }
    }

    public Bar {
        if (index < 0 || index > 5 || kind == Kind.MEMORY_64 && index == 5) {
            throw new IllegalArgumentException("BAR " + index + " does not exist: a function has BARs 0..5, and a "
                    + "64-bit BAR takes two of them, so it cannot be BAR 5");
        }
        if (Long.bitCount(size) != 1 || size < kind.minimumSize || size > 1L << 30) {
            throw new IllegalArgumentException(String.format("BAR %d: size 0x%x must be a power of two from %d "
                    + "bytes to 1 GiB (the memory window)", index, size, kind.minimumSize));
        }
    }

    /** The registers this BAR occupies: two for a 64-bit BAR. */
    int registers() {
        return kind == Kind.MEMORY_64 ? 2 : 1;
    }
}
