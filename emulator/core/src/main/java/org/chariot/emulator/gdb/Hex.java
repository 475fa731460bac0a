package org.chariot.emulator.gdb;

import java.nio.charset.StandardCharsets;

/** The remote protocol's hexadecimal forms: numbers, byte strings and little-endian register values. */
final class Hex {

    private static final char[] DIGITS = "0123456789abcdef".toCharArray();

    private Hex() {
    }

    /** A big-endian hexadecimal number as packets write addresses and lengths. */
    static long parseNumber(String text) {
        if (text.isEmpty() || text.length() > 16) {
            throw new MalformedPacketException("expected a hexadecimal number of 1 to 16 digits, got '" + text + "'");
        }
        long value = 0;
        for (int i = 0; i < text.length(); i++) {
            value = (value << 4) | digit(text.charAt(i));
        }
        return value;
    }

    /** A number that must fit in an int, such as a length or a register number. */
    static int parseSmall(String text) {
        long value = parseNumber(text);
        if (value < 0 || value > Integer.MAX_VALUE) {
            throw new MalformedPacketException("number 0x" + text + " is too large");
        }
        return (int) value;
    }

    static byte[] parseBytes(String text) {
        if (text.length() % 2 != 0) {
            throw new MalformedPacketException("odd number of hexadecimal digits: '" + text + "'");
        }
        byte[] bytes = new byte[text.length() / 2];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) (digit(text.charAt(2 * i)) << 4 | digit(text.charAt(2 * i + 1)));
        }
        return bytes;
    }

    static String bytes(byte[] bytes) {
        StringBuilder text = new StringBuilder(bytes.length * 2);
        for (byte b : bytes) {
            text.append(DIGITS[(b >> 4) & 0xf]).append(DIGITS[b & 0xf]);
        }
        return text.toString();
    }

    static String text(String utf8) {
        return bytes(utf8.getBytes(StandardCharsets.UTF_8));
    }

    static String decodeText(String hex) {
        return new String(parseBytes(hex), StandardCharsets.UTF_8);
    }

    /** A 64-bit register value in target (little-endian) byte order. */
    static String register(long value) {
        StringBuilder text = new StringBuilder(16);
        for (int i = 0; i < 8; i++) {
            int b = (int) (value >>> (8 * i));
            text.append(DIGITS[(b >> 4) & 0xf]).append(DIGITS[b & 0xf]);
        }
        return text.toString();
    }

    static long parseRegister(String text) {
        if (text.length() != 16) {
            throw new MalformedPacketException("a register value has 16 hexadecimal digits, got '" + text + "'");
        }
        byte[] bytes = parseBytes(text);
        long value = 0;
        for (int i = 7; i >= 0; i--) {
            value = (value << 8) | (bytes[i] & 0xff);
        }
        return value;
    }

    static String twoDigits(int value) {
        return "" + DIGITS[(value >> 4) & 0xf] + DIGITS[value & 0xf];
    }

    private static int digit(char c) {
        int value = Character.digit(c, 16);
        if (value < 0) {
            throw new MalformedPacketException("'" + c + "' is not a hexadecimal digit");
        }
        return value;
    }
}
