package org.chariot.emulator.reports;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import org.chariot.emulator.events.EventStream;
import org.chariot.emulator.events.JsonObject;
import org.chariot.emulator.guest.KernelModule;
import org.chariot.emulator.kunit.KtapParser;
import org.chariot.emulator.kunit.KtapResult;
import org.chariot.emulator.monitor.Frame;
import org.chariot.emulator.monitor.Violation;
import org.chariot.emulator.run.BootSpec;
import org.chariot.emulator.run.ExitStatus;
import org.chariot.emulator.run.GuestTime;
import org.chariot.emulator.run.InitStep;
import org.chariot.emulator.run.RunListener;
import org.chariot.emulator.run.RunResult;
import org.chariot.emulator.symbols.ModuleSymbols;
import org.chariot.emulator.symbols.SourceLocation;

/**
 * Follows a run and keeps its tests: each step of the guest's init ({@code load M}, {@code exercise},
 * {@code unload M}) and each KUnit case. A violation belongs to the test that reports next: the
 * console says when a step or case ends, and the monitor reports a write as it happens, on the same
 * hart, so the writes of a case come before its result line. A run that ends before its init does
 * (panic, time-out) gets one more test, {@code run}, in error.
 */
public final class RunTests implements RunListener {

    /** The suite of the init's steps. */
    public static final String STEPS = "chariot";

    private final Consumer<TestRecord> ended;
    private final List<TestRecord> records = new ArrayList<>();
    private final List<Violation> pending = new ArrayList<>();
    private final KtapParser ktap = new KtapParser();
    private List<KernelModule> modules = List.of();
    private List<ModuleSymbols> symbols;
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
        modules = spec.modules();
    }

    @Override
    public synchronized void console(String line) {
        GuestTime.of(line).ifPresent(nanos -> now = nanos);
        Optional<InitStep> step = InitStep.of(line);
        if (step.isPresent()) {
            step(step.get());
            return;
        }
        ktap.accept(line).ifPresent(this::kunit);
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
                    List.of(), null);
        }
    }

    private void kunit(KtapResult result) {
        if (result.isSuite()) {
            // Writes between a suite's last case and its end happened in its exit (or an init that failed).
            if (!pending.isEmpty() || !result.ok() && !result.skipped() && noFailedCase(result.suite())) {
                add(result.suite(), "(suite init and exit)", outcome(result), firstLine(result), result.diagnostics(),
                        null);
            }
            return;
        }
        add(result.suite(), result.testCase(), outcome(result), firstLine(result), result.diagnostics(),
                definition(result.testCase()));
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
        return result.diagnostics().stream().findFirst().orElse("KUnit reported the test as not ok");
    }

    /** Where a KUnit case is written: KUNIT_CASE(f) names the case after its function f. */
    private Frame definition(String function) {
        if (symbols == null) {
            symbols = new ArrayList<>();
            for (KernelModule module : modules) {
                try {
                    symbols.add(ModuleSymbols.load(module.file()));
                } catch (IOException e) {
                    // A module without readable debug information names no source; its cases are still reported.
                }
            }
        }
        for (ModuleSymbols module : symbols) {
            Optional<SourceLocation> found = module.definition(function);
            if (found.isPresent()) {
                return new Frame(0, function, found.get().file(), found.get().line());
            }
        }
        return null;
    }

    private void add(String suite, String name, TestRecord.Outcome outcome, String failure, List<String> details,
            Frame source) {
        record(new TestRecord(suite, name, outcome, failure, details, pending, source, (now - lastEnd) / 1e9, now));
        lastEnd = now;
    }

    private void record(TestRecord test) {
        records.add(test);
        pending.clear();
        ended.accept(test);
    }

    @Override
    public synchronized void violation(Violation violation) {
        pending.add(violation);
    }

    @Override
    public synchronized void finished(RunResult result) {
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
