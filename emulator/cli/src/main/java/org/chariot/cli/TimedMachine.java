package org.chariot.cli;

import java.util.ArrayList;
import java.util.List;
import org.chariot.emulator.run.BootSpec;
import org.chariot.emulator.run.ForwardingOutput;
import org.chariot.emulator.run.GuestExit;
import org.chariot.emulator.run.GuestMachine;
import org.chariot.emulator.run.GuestOutput;
import org.chariot.emulator.run.OwnMachine;

/** Times each boot of the machine it wraps (the guest run only: builds happen before a boot) while {@code timing} is on. */
final class TimedMachine implements GuestMachine {

    private final GuestMachine machine;
    private final List<Double> seconds = new ArrayList<>();
    private final List<Double> secondsToInit = new ArrayList<>();
    private final List<Long> instructions = new ArrayList<>();
    private boolean timing = true;

    TimedMachine(GuestMachine machine) {
        this.machine = machine;
    }

    @Override
    public String name() {
        return machine.name();
    }

    /** Whether the next boots count: off for warm-up runs. */
    void timing(boolean on) {
        timing = on;
    }

    @Override
    public GuestExit boot(BootSpec spec, GuestOutput console) {
        long start = System.nanoTime();
        InitWatch init = new InitWatch(console, start);
        GuestExit exit = machine.boot(spec, init);
        if (timing) {
            seconds.add((System.nanoTime() - start) / 1e9);
            if (init.seconds >= 0) {
                secondsToInit.add(init.seconds);
            }
            if (machine instanceof OwnMachine own) {
                instructions.add(own.instructionsOfLastBoot());
            }
        }
        return exit;
    }

    /** Median wall time of the timed boots, in seconds. */
    /** {@code label}, the median and the fastest wall time, aligned for a table of machines or settings. */
    String timesLine(String label) {
        return String.format("%-14s median %.3f s  (min %.3f s)", label, medianSeconds(), minimumSeconds());
    }

    /** Like {@link #timesLine} for the time from the start of each boot to the init's first line. */
    String initTimesLine(String label) {
        return String.format("%-14s median %.3f s  (min %.3f s)", label, medianSecondsToInit(),
                secondsToInit.stream().min(Double::compare).orElseThrow());
    }

    double medianSecondsToInit() {
        return median(secondsToInit);
    }

    double medianSeconds() {
        return median(seconds);
    }

    double minimumSeconds() {
        return seconds.stream().min(Double::compare).orElseThrow();
    }

    /** Median guest instructions of the timed boots (our machine only). */
    double medianInstructions() {
        return median(instructions);
    }

    private static double median(List<? extends Number> values) {
        List<Double> sorted = values.stream().map(Number::doubleValue).sorted().toList();
        return sorted.get(sorted.size() / 2);
    }

    /** Passes the guest's output on, noting when the init's first line ({@code @chariot boot}) arrives. */
    private static final class InitWatch extends ForwardingOutput {

        private final long start;
        private volatile double seconds = -1;

        InitWatch(GuestOutput console, long start) {
            super(console);
            this.start = start;
        }

        @Override
        public void console(String line) {
            if (seconds < 0 && line.contains("@chariot boot")) {
                seconds = (System.nanoTime() - start) / 1e9;
            }
            super.console(line);
        }
    }
}
