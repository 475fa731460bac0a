package org.chariot.emulator.inject;

import java.util.List;
import java.util.regex.Pattern;
import org.chariot.emulator.monitor.Violation;
import org.chariot.emulator.run.ExitStatus;
import org.chariot.emulator.run.RunResult;

/**
 * What one guest run of a driver showed about the driver and the kernel: its result, the
 * violations the monitor recorded, and the console, read for the kernel's own alarms.
 */
public record GuestObservation(RunResult result, List<Violation> violations, List<String> console) {

    /** The kernel's oops and BUG reports (a fault in kernel mode, a failed BUG_ON). */
    private static final Pattern OOPS = Pattern.compile("Oops|Unable to handle kernel|kernel BUG at|BUG: ");
    /** SLUB's debug checks (slub_debug=FZPU) finding an object's redzone, poison or free pointer damaged. */
    private static final Pattern SLAB_DAMAGE = Pattern.compile(
            "BUG \\S+ \\(.*\\): (.*overwritten|Freepointer corrupt|Object already free|Invalid object pointer)");
    static final String CANARY_HEALTHY = "canary: kernel healthy";

    public GuestObservation {
        violations = List.copyOf(violations);
        console = List.copyOf(console);
    }

    /** The kernel panicked, oopsed or hung: the run did not get to power off cleanly. */
    public boolean crashed() {
        return result.status() == ExitStatus.GUEST_PANIC || result.status() == ExitStatus.TIMEOUT
                || result.status() == ExitStatus.MACHINE_FAILED || console.stream().anyMatch(l -> OOPS.matcher(l).find());
    }

    /** The kernel's slab debugging found memory that something wrote where it should not. */
    public boolean slabDamaged() {
        return console.stream().anyMatch(line -> SLAB_DAMAGE.matcher(line).find());
    }

    /**
     * The guest's init finished and powered off without an oops or slab damage, and the canary after
     * the exercise found the kernel working (if the exercise ran: it does not when the driver fails to load).
     */
    public boolean kernelHealthy() {
        boolean exerciseRan = console.stream().anyMatch(line -> line.startsWith("@chariot exercise start"));
        return !crashed() && !slabDamaged() && (console.contains(CANARY_HEALTHY) || !exerciseRan)
                && console.stream().anyMatch(line -> line.startsWith("@chariot done"));
    }

    /** The driver's own exercise exited 0. */
    public boolean exercisePassed() {
        return console.contains("@chariot exercise exit 0");
    }
}
