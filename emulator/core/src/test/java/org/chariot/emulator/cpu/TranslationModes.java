package org.chariot.emulator.cpu;

import java.util.concurrent.Callable;
import java.util.stream.Stream;

/** Runs test code with harts interpreting everything or translating every block at once: each test both ways. */
public enum TranslationModes {

    INTERPRETED("off"), TRANSLATED("eager");

    private final String property;

    TranslationModes(String property) {
        this.property = property;
    }

    public static Stream<TranslationModes> both() {
        return Stream.of(values());
    }

    /** Calls {@code body} with harts created inside it in this mode. */
    public <T> T with(Callable<T> body) throws Exception {
        String before = System.getProperty(Translation.PROPERTY);
        System.setProperty(Translation.PROPERTY, property);
        try {
            return body.call();
        } finally {
            if (before == null) {
                System.clearProperty(Translation.PROPERTY);
            } else {
                System.setProperty(Translation.PROPERTY, before);
            }
        }
    }
}
