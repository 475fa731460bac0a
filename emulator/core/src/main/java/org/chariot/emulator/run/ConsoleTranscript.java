package org.chariot.emulator.run;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Reads the guest console as it arrives: keeps the lines, and follows the init's {@code @chariot}
 * step reports (see {@code emulator/guest/README.md}) and the kernel's panic message.
 */
public final class ConsoleTranscript implements Consumer<String> {

    private static final String STEP = "@chariot ";
    private static final String PANIC = "Kernel panic - not syncing";

    private final List<String> lines = new ArrayList<>();
    private final List<String> failedSteps = new ArrayList<>();
    private boolean booted;
    private Integer doneStatus;
    private String panic;

    @Override
    public synchronized void accept(String line) {
        lines.add(line);
        int step = line.indexOf(STEP);
        if (step >= 0) {
            record(line.substring(step + STEP.length()).trim().split("\\s+"));
        } else if (panic == null && line.contains(PANIC)) {
            panic = line.substring(line.indexOf(PANIC)).trim();
        }
    }

    private void record(String[] words) {
        switch (words[0]) {
            case "boot" -> booted = true;
            case "done" -> doneStatus = words.length > 1 ? parseStatus(words[1]) : 1;
            case "load", "unload" -> {
                if (words.length > 2 && words[2].equals("error")) {
                    failedSteps.add(describeModuleError(words));
                }
            }
            case "exercise" -> {
                if (words.length > 2 && words[1].equals("exit") && !words[2].equals("0")) {
                    failedSteps.add("the exercise program exited with status " + words[2]);
                } else if (words.length > 2 && words[1].equals("signal")) {
                    failedSteps.add("the exercise program was killed by signal " + words[2]);
                }
            }
            default -> { }
        }
    }

    private static String describeModuleError(String[] words) {
        String verb = words[0].equals("load") ? "loading" : "unloading";
        String errno = words.length > 4 ? words[4] + " (" + words[3] + ")" : words.length > 3 ? words[3] : "an error";
        return verb + " module " + words[1] + " failed: " + errno;
    }

    private static int parseStatus(String word) {
        try {
            return Integer.parseInt(word);
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    public synchronized List<String> lines() {
        return List.copyOf(lines);
    }

    /** The last {@code count} console lines, for error reports. */
    public synchronized List<String> tail(int count) {
        return List.copyOf(lines.subList(Math.max(0, lines.size() - count), lines.size()));
    }

    public synchronized boolean booted() {
        return booted;
    }

    public synchronized Optional<String> panic() {
        return Optional.ofNullable(panic);
    }

    public synchronized Optional<Integer> doneStatus() {
        return Optional.ofNullable(doneStatus);
    }

    public synchronized List<String> failedSteps() {
        return List.copyOf(failedSteps);
    }

    /** Interprets the console together with how the machine stopped. */
    public synchronized RunResult verdict(GuestExit exit) {
        if (panic != null) {
            return new RunResult(ExitStatus.GUEST_PANIC, "the guest kernel panicked: " + panic, tail(30));
        }
        if (doneStatus != null) {
            if (doneStatus == 0) {
                return new RunResult(ExitStatus.OK, "every step in the guest succeeded", List.of());
            }
            String why = failedSteps.isEmpty() ? "the guest's init reported failure" : String.join("; ", failedSteps);
            return new RunResult(ExitStatus.DRIVER_FAILED, why, tail(30));
        }
        return switch (exit.kind()) {
            case TIMED_OUT -> new RunResult(ExitStatus.TIMEOUT, exit.detail() + (booted
                    ? " before the guest's init finished; raise --timeout if the exercise needs longer"
                    : " before the guest's init started"), tail(30));
            case FAILED -> new RunResult(ExitStatus.MACHINE_FAILED, exit.detail(), tail(30));
            case STOPPED -> new RunResult(ExitStatus.MACHINE_FAILED,
                    "the machine stopped before the guest's init finished (" + exit.detail() + ")", tail(30));
        };
    }
}
