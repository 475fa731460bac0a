package org.chariot.emulator.cpu;

/**
 * How harts run hot code, from the system property {@code chariot.translation}: {@code on} (the
 * default) translates a block once it has started often; {@code eager} translates every block the
 * first time it starts, so that tests exercise the translator on code that runs once; a number
 * sets how often a block must start first (for tuning); {@code off} interprets everything.
 */
public final class Translation {

    public static final String PROPERTY = "chariot.translation";
    /**
     * Starts of a block before it is translated, with translation on. Building a block and HotSpot's
     * compiling it cost far more than interpreting a few thousand passes: at 50, a boot built 9,500
     * blocks and took four times as long; at 5,000 it builds under 2,000 and test_xarray ran 23 % faster.
     */
    private static final int HOT = 5000;

    private Translation() {
    }

    /** How often a block must start before it is translated; 0 for never. */
    static int threshold() {
        String mode = System.getProperty(PROPERTY, "on");
        return switch (mode) {
            case "off" -> 0;
            case "eager" -> 1;
            default -> mode.matches("\\d+") ? Integer.parseInt(mode) : HOT;
        };
    }
}
