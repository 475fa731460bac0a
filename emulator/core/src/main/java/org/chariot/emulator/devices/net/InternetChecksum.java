package org.chariot.emulator.devices.net;

/** The one's-complement sum of RFC 1071 that IPv4, ICMP and UDP put in their checksum fields. */
final class InternetChecksum {

    private long sum;

    /** Adds {@code length} bytes of {@code data} from {@code offset}, as big-endian 16-bit words. */
    InternetChecksum add(byte[] data, int offset, int length) {
        for (int i = 0; i < length; i += 2) {
            int high = data[offset + i] & 0xff;
            int low = i + 1 < length ? data[offset + i + 1] & 0xff : 0;
            sum += high << 8 | low;
        }
        return this;
    }

    /** Adds a 16-bit value (a pseudo-header field). */
    InternetChecksum add(int word) {
        sum += word & 0xffff;
        return this;
    }

    /** The checksum to store: the complement of the folded sum. */
    int value() {
        long folded = sum;
        while (folded >>> 16 != 0) {
            folded = (folded & 0xffff) + (folded >>> 16);
        }
        return (int) ~folded & 0xffff;
    }

    /** Whether {@code length} bytes that include their own checksum field sum to the all-ones word. */
    static boolean verifies(byte[] data, int offset, int length) {
        return new InternetChecksum().add(data, offset, length).value() == 0;
    }
}
