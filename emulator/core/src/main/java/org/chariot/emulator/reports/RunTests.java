package org.chariot.emulator.reports;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.chariot.emulator.events.EventStream;
import org.chariot.emulator.events.JsonObject;
import org.chariot.emulator.kunit.KtapParser;
import org.chariot.emulator.kunit.KtapResult;
import org.chariot.emulator.monitor.Frame;
import org.chariot.emulator.monitor.ModuleSection;
import org.chariot.emulator.monitor.Violation;
import org.chariot.emulator.run.BootSpec;
import org.chariot.emulator.run.ExitStatus;
import org.chariot.emulator.run.GuestTime;
import org.chariot.emulator.run.InitStep;
import org.chariot.emulator.run.RunListener;
import org.chariot.emulator.run.RunResult;

/**
 * Follows a run and keeps its tests: each step of the guest's init ({@code load M}, {@code exercise},
 * {@code unload M}) and each KUnit case. A violation belongs to the test that reports next: the
 * console says when a step or case ends, and the monitor reports a write as it happens. Within a
 * KUnit suite the kernel may print a case's result only after the next case ran, so there a
 * violation belongs to the case whose function its call trace passes through, and only a trace
 * through none goes by order; the suite's cases are settled when its module's load step reports,
 * by then the monitor has said where the module lies. A run that ends before its init does (panic,
 * time-out) gets one more test, {@code run}, in error.
 */
public final class RunTests implements RunListener {

    /** The suite of the init's steps. */
    public static final String STEPS = "chariot";

    /** A KUnit result or a violation within a suite, with the guest time it came at. */
    private record InSuite(KtapResult result, Violation violation, long nanos) {
    }

    private final Consumer<TestRecord> ended;
    private final List<TestRecord> records = new ArrayList<>();
    private final List<Violation> pending = new ArrayList<>();
    private final List<InSuite> suite = new ArrayList<>();
    private final KtapParser ktap = new KtapParser();
    private CodeNames names = new CodeNames(List.of());
    private long now;
    private long lastEnd;
    private boolean initDone;

    public RunTests() {
        this(test -> { });
    }

    /** @param ended told of each test as it ends, from the thread that reports it */
    public RunTests(Consumer<TestRecord> ended) {
        this.ended = ended;
    }

    @Override
    public void stage(String message) {
    }

    @Override
    public synchronized void booting(String machine, BootSpec spec) {
        names = new CodeNames(spec.modules());
    }

    @Override
    public synchronized void moduleLoaded(String name, List<ModuleSection> sections) {
        names.loaded(name, sections);
    }

    @Override
    public synchronized void console(String line) {
        GuestTime.of(line).ifPresent(nanos -> now = nanos);
        Optional<InitStep> step = InitStep.of(line);
        if (step.isPresent()) {
            settleSuite();
            step(step.get());
            return;
        }
        ktap.accept(line).ifPresent(result -> suite.add(new InSuite(result, null, now)));
    }

    @Override
    public synchronized void violation(Violation violation) {
        if (ktap.inSuite() || !suite.isEmpty()) {
            suite.add(new InSuite(null, violation, now));
        } else {
            pending.add(violation);
        }
    }

    private void step(InitStep step) {
        String name = switch (step.kind()) {
            case LOAD -> "load " + step.subject();
            case EXERCISE_END -> "exercise";
            case UNLOAD -> "unload " + step.subject();
            case DONE -> {
                initDone = true;
                yield null;
            }
            default -> null;
        };
        if (name != null) {
            add(STEPS, name, step.failed() ? TestRecord.Outcome.FAILED : TestRecord.Outcome.PASSED, step.failure(),
                    List.of(), null, now);
        }
    }

    /** Records the cases of the suites seen since the last step, each with its violations. */
    private void settleSuite() {
        Set<String> cases = new HashSet<>();
        suite.stream().filter(e -> e.result() != null && !e.result().isSuite())
                .forEach(e -> cases.add(e.result().testCase()));
        Map<String, List<Violation>> byCase = new HashMap<>();
        for (InSuite event : suite) {
            if (event.violation() != null) {
                Optional<String> inCase = names.functionsOnStack(event.violation()).stream().filter(cases::contains)
                        .findFirst();
                if (inCase.isPresent()) {
                    byCase.computeIfAbsent(inCase.get(), c -> new ArrayList<>()).add(event.violation());
                } else {
                    pending.add(event.violation());
                }
            } else if (!event.result().isSuite()) {
                pending.addAll(byCase.getOrDefault(event.result().testCase(), List.of()));
                kunitCase(event.result(), event.nanos());
            } else {
                suiteEnd(event.result(), event.nanos());
            }
        }
        suite.clear();
    }

    private void kunitCase(KtapResult result, long nanos) {
        add(result.suite(), result.testCase(), outcome(result), firstLine(result), result.diagnostics(),
                names.definition(result.testCase()).orElse(null), nanos);
    }

    /** Writes between a suite's last case and its end happened in its exit (or in an init that failed). */
    private void suiteEnd(KtapResult result, long nanos) {
        if (!pending.isEmpty() || !result.ok() && !result.skipped() && noFailedCase(result.suite())) {
            add(result.suite(), "(suite init and exit)", outcome(result), firstLine(result), result.diagnostics(),
                    null, nanos);
        }
    }
    private boolean noFailedCase(String suite) {
        return records.stream().noneMatch(r -> r.suite().equals(suite) && r.outcome() == TestRecord.Outcome.FAILED);
    }

    private static TestRecord.Outcome outcome(KtapResult result) {
        return result.skipped() ? TestRecord.Outcome.SKIPPED
                : result.ok() ? TestRecord.Outcome.PASSED : TestRecord.Outcome.FAILED;
    }

    private static String firstLine(KtapResult result) {
        if (result.skipped()) {
            return result.directive();
        }
        if (result.ok()) {
            return null;
        }
        String prefix = "# " + result.testCase() + ": ";
        return result.diagnostics().stream().findFirst().map(line -> line.startsWith(prefix)
                ? line.substring(prefix.length()) : line).orElse("KUnit reported the test as not ok");
    }

    private void add(String suite, String name, TestRecord.Outcome outcome, String failure, List<String> details,
            Frame source, long nanos) {
        record(new TestRecord(suite, name, outcome, failure, details, pending, source, (nanos - lastEnd) / 1e9,
                nanos));
        lastEnd = nanos;
    }

    private void record(TestRecord test) {
        records.add(test);
        pending.clear();
        ended.accept(test);
    }

    @Override
    public synchronized void finished(RunResult result) {
        settleSuite();
        boolean endedEarly = !initDone && result.status() != ExitStatus.OK && result.status() != ExitStatus.VIOLATIONS;
        if (endedEarly || !pending.isEmpty()) {
            record(new TestRecord(STEPS, "run", endedEarly ? TestRecord.Outcome.ERROR : TestRecord.Outcome.PASSED,
                    endedEarly ? result.message() : null, endedEarly ? result.evidence() : List.of(), pending, null,
                    (now - lastEnd) / 1e9, now));
        }
    }

    /** The event-stream record of a test, at the guest time it ended. */
    public static JsonObject toEvent(TestRecord test) {
        JsonObject event = EventStream.event("test", test.ended()).put("suite", test.suite()).put("name", test.name())
                .put("kind", test.suite().equals(STEPS) ? "step" : "kunit")
                .put("outcome", test.outcome().name().toLowerCase(Locale.ROOT))
                .put("message", test.failure()).putStrings("details", test.details())
                .putLongs("violations", test.violations().stream().mapToLong(Violation::id).toArray());
        if (test.source() != null && test.source().hasSource()) {
            event.put("source", new JsonObject().put("file", test.source().file()).put("line", test.source().line())
                    .put("function", test.source().function()));
        }
        return event;
    }

    /** The tests so far, in the order they ended. */
    public synchronized List<TestRecord> records() {
        return List.copyOf(records);
    }
}
