package org.chariot.emulator.gdb;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

/**
 * The remote protocol's hexadecimal forms over {@link HexFormat}: what it adds are the protocol's rules (a number
 * has 1 to 16 digits; a register value is 16 digits in the target's little-endian byte order; console text is
 * UTF-8). Byte strings are {@link #HEX}'s own.
 */
final class Hex {

    /** Lower-case digits, as GDB writes them. */
    static final HexFormat HEX = HexFormat.of();

    private Hex() {
    }

    /** A big-endian hexadecimal number as packets write addresses and lengths. */
    static long parseNumber(String text) {
        if (text.isEmpty() || text.length() > 16 || !text.chars().allMatch(HexFormat::isHexDigit)) {
            throw new MalformedPacketException("expected a hexadecimal number of 1 to 16 digits, got '" + text + "'");
        }
        return HexFormat.fromHexDigitsToLong(text);
    }

    /** A number that must fit in an int, such as a length or a register number. */
    static int parseSmall(String text) {
        long value = parseNumber(text);
        if (value < 0 || value > Integer.MAX_VALUE) {
            throw new MalformedPacketException("number 0x" + text + " is too large");
        }
        return (int) value;
    }

    static String text(String utf8) {
        return HEX.formatHex(utf8.getBytes(StandardCharsets.UTF_8));
    }

    static String decodeText(String hex) {
        return new String(HEX.parseHex(hex), StandardCharsets.UTF_8);
    }

    /** A 64-bit register value in target (little-endian) byte order. */
    static String register(long value) {
        return HEX.toHexDigits(Long.reverseBytes(value));
    }

    static long parseRegister(String text) {
        if (text.length() != 16) {
            throw new MalformedPacketException("a register value has 16 hexadecimal digits, got '" + text + "'");
        }
        return Long.reverseBytes(parseNumber(text));
    }
}
