package org.chariot.emulator.run;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.chariot.emulator.kunit.KtapParser;
import org.chariot.emulator.monitor.Violation;
import org.chariot.emulator.monitor.ViolationKind;

/**
 * Reads the guest console as it arrives: keeps the lines, and follows the init's {@code @chariot}
 * step reports (see {@code emulator/guest/README.md}), KUnit's results (a failed case fails the
 * run as a failed step does) and the kernel's panic message; counts the
 * isolated drivers' violations, which turn a run whose steps passed into {@link ExitStatus#VIOLATIONS}.
 */
public final class ConsoleTranscript implements RunListener {

    private static final String PANIC = "Kernel panic - not syncing";

    private final List<String> lines = new ArrayList<>();
    private final List<String> failedSteps = new ArrayList<>();
    private final KtapParser kunit = new KtapParser();
    private boolean booted;
    private Integer doneStatus;
    private String panic;
    private final Map<String, Integer> violationsByKind = new LinkedHashMap<>();
    private Violation firstViolation;

    @Override
    public void stage(String message) {
    }

    @Override
    public synchronized void console(String line) {
        lines.add(line);
        Optional<InitStep> step = InitStep.of(line);
        if (step.isPresent()) {
            record(step.get());
        } else if (panic == null && line.contains(PANIC)) {
            panic = line.substring(line.indexOf(PANIC)).trim();
        } else {
            kunit.accept(line).filter(r -> !r.ok() && !r.skipped() && !r.isSuite()).ifPresent(failed -> failedSteps.add(
                    "KUnit case " + failed.suite() + "." + failed.testCase() + " failed"
                            + failed.diagnostics().stream().findFirst().map(d -> ": " + d).orElse("")));
        }
    }

    private void record(InitStep step) {
        switch (step.kind()) {
            case BOOT -> booted = true;
            case DONE -> doneStatus = parseStatus(step.subject());
            default -> {
                if (step.failed()) {
                    failedSteps.add(step.failure());
                }
            }
        }
    }

    private static int parseStatus(String word) {
        try {
            return Integer.parseInt(word);
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    @Override
    public synchronized void violation(Violation violation) {
        violationsByKind.merge(violation.kind().jsonName(), 1, Integer::sum);
        if (firstViolation == null) {
            firstViolation = violation;
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
        RunResult steps = stepsVerdict(exit);
        if (firstViolation == null) {
            return steps;
        }
        if (firstViolation.verdict().equals("halted")) {
            String what = firstViolation.kind().access() == ViolationKind.Access.FREE ? "free" : "store";
            return new RunResult(ExitStatus.VIOLATIONS, describeViolations() + "; the machine halted before that "
                    + what + ", as the halt policy asks (attach a debugger with --gdb to look at it)", List.of());
        }
        if (!steps.succeeded()) {
            return new RunResult(steps.status(), steps.message() + ", after " + describeViolations(), steps.evidence());
        }
        return new RunResult(ExitStatus.VIOLATIONS, describeViolations() + "; every step in the guest succeeded",
                List.of());
    }

    private String describeViolations() {
        int total = violationsByKind.values().stream().mapToInt(Integer::intValue).sum();
        StringBuilder text = new StringBuilder().append(total).append(total == 1 ? " violation (" : " violations (");
        violationsByKind.forEach((kind, count) -> text.append(count).append(' ').append(kind).append(", "));
        text.setLength(text.length() - 2);
        text.append("), the first at ").append(whereItWas(firstViolation)).append(", ").append(firstViolation.verdict());
        return text.toString();
    }

    private static String whereItWas(Violation violation) {
        return violation.source() != null && violation.source().hasSource()
                ? violation.source().file() + ":" + violation.source().line()
                : String.format("0x%x in %s", violation.pc(), violation.module());
    }

    private RunResult stepsVerdict(GuestExit exit) {
        if (panic != null) {
            return new RunResult(ExitStatus.GUEST_PANIC, "the guest kernel panicked: " + panic, tail(30));
        }
        if (doneStatus != null) {
            if (doneStatus == 0 && failedSteps.isEmpty()) {
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
