package org.chariot.emulator.run;

import java.util.Optional;

/**
 * One {@code @chariot} line of the guest init's protocol ({@code emulator/guest/README.md}): what
 * happened, to what, and, for a step that failed, why in words.
 *
 * @param subject the module of a load or unload, the status of {@code done}, else empty
 * @param failure what went wrong, or null when the step succeeded (or is not a step that can fail)
 */
public record InitStep(Kind kind, String subject, String failure) {

    /** The lines of the protocol. */
    public enum Kind {
        BOOT, LOAD, EXERCISE_START, EXERCISE_END, UNLOAD, DONE
    }

    private static final String MARK = "@chariot ";

    public boolean failed() {
        return failure != null;
    }

    /** The step a console line reports, or empty when the line is not part of the protocol. */
    public static Optional<InitStep> of(String line) {
        int mark = line.indexOf(MARK);
        if (mark < 0) {
            return Optional.empty();
        }
        String[] words = line.substring(mark + MARK.length()).trim().split("\\s+");
        return Optional.ofNullable(switch (words[0]) {
            case "boot" -> new InitStep(Kind.BOOT, "", null);
            case "done" -> new InitStep(Kind.DONE, words.length > 1 ? words[1] : "", null);
            case "load", "unload" -> module(words);
            case "exercise" -> exercise(words);
            default -> null;
        });
    }

    private static InitStep module(String[] words) {
        Kind kind = words[0].equals("load") ? Kind.LOAD : Kind.UNLOAD;
        String module = words.length > 1 ? words[1] : "";
        if (words.length > 2 && words[2].equals("error")) {
            String verb = kind == Kind.LOAD ? "loading" : "unloading";
            String errno = words.length > 4 ? words[4] + " (" + words[3] + ")" : words.length > 3 ? words[3] : "an error";
            return new InitStep(kind, module, verb + " module " + module + " failed: " + errno);
        }
        return new InitStep(kind, module, null);
    }

    private static InitStep exercise(String[] words) {
        if (words.length > 1 && words[1].equals("start")) {
            return new InitStep(Kind.EXERCISE_START, words.length > 2 ? words[2] : "", null);
        }
        if (words.length > 2 && words[1].equals("exit")) {
            return new InitStep(Kind.EXERCISE_END, "", words[2].equals("0") ? null
                    : "the exercise program exited with status " + words[2]);
        }
        if (words.length > 2 && words[1].equals("signal")) {
            return new InitStep(Kind.EXERCISE_END, "", "the exercise program was killed by signal " + words[2]);
        }
        return null;
    }
}
