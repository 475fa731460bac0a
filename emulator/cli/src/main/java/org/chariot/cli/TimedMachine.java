package org.chariot.cli;

import org.chariot.emulator.run.BootSpec;
import org.chariot.emulator.run.GuestExit;
import org.chariot.emulator.run.GuestMachine;
import org.chariot.emulator.run.GuestOutput;
import org.chariot.emulator.run.OwnMachine;

/** Times each boot of the machine it wraps (the guest run only: builds happen before a boot) while {@code timing} is on. */
final class TimedMachine implements GuestMachine {

    private final GuestMachine machine;
    private final Samples seconds = new Samples();
    private final Samples instructions = new Samples();
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
        GuestExit exit = machine.boot(spec, console);
        if (timing) {
            seconds.add((System.nanoTime() - start) / 1e9);
            if (machine instanceof OwnMachine own) {
                instructions.add(own.instructionsOfLastBoot());
            }
        }
        return exit;
    }

    /** {@code label}, the median and the fastest wall time, aligned for a table of machines or settings. */
    String timesLine(String label) {
        return String.format("%-14s median %.3f s  (min %.3f s)", label, medianSeconds(), minimumSeconds());
    }

    /** Median wall time of the timed boots, in seconds. */
    double medianSeconds() {
        return seconds.median();
    }

    double minimumSeconds() {
        return seconds.minimum();
    }

    /** Median guest instructions of the timed boots (our machine only). */
    double medianInstructions() {
        return instructions.median();
    }
}
