package org.chariot.emulator.gdb;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The target description GDB reads with {@code qXfer:features:read:target.xml}, a resource next
 * to this class, and the register numbers it declares; it is the one list of registers the stub serves.
 */
final class TargetDescription {

    static final String ANNEX = "target.xml";
    private static final Pattern REGNUM = Pattern.compile("<reg [^>]*regnum=\"(\\d+)\"");

    private final String xml;
    private final List<Integer> registerNumbers;

    private TargetDescription(String xml) {
        this.xml = xml;
        Matcher matcher = REGNUM.matcher(xml);
        this.registerNumbers = matcher.results().map(m -> Integer.parseInt(m.group(1))).toList();
    }

    static TargetDescription load() {
        try (InputStream in = TargetDescription.class.getResourceAsStream(ANNEX)) {
            if (in == null) {
                throw new IllegalStateException(ANNEX + " is missing next to " + TargetDescription.class.getName()
                        + ": the emulator jar is incomplete, rebuild it");
            }
            return new TargetDescription(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the GDB target description", e);
        }
    }

    String xml() {
        return xml;
    }

    boolean declares(int registerNumber) {
        return registerNumbers.contains(registerNumber);
    }
}
