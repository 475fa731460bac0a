package org.chariot.emulator.machine;

import java.time.Duration;
import java.util.Optional;
import org.chariot.emulator.cpu.Hart;
import org.chariot.emulator.cpu.StopReason;
import org.chariot.emulator.devices.AlarmClock;

/** Runs the hart until something ends the run: the guest, a limit, or a fault. */
final class RunLoop {

    /** Looks at the machine between slices of execution; returns an exit to end the run, or null. */
    interface SliceCheck {
        MachineExit afterSlice();
    }

    private final Platform platform;
    private final long instructionLimit;
    private final Optional<Duration> timeLimit;

    RunLoop(Platform platform, long instructionLimit, Optional<Duration> timeLimit) {
        this.platform = platform;
        this.instructionLimit = instructionLimit;
        this.timeLimit = timeLimit;
    }

    MachineExit run(long slice, SliceCheck check) {
        ExitLatch exit = platform.exit();
        AlarmClock.Alarm deadline = timeLimit.map(this::armTimeLimit).orElse(null);
        try {
            Hart hart = platform.hart();
            while (exit.exit() == null) {
                long budget = slice;
                if (instructionLimit > 0) {
                    long left = instructionLimit - hart.instructionsRetired();
                    if (left <= 0) {
                        exit.finish(new MachineExit.LimitReached(instructionLimit + " instructions"));
                        break;
                    }
                    budget = Math.min(budget, left);
                }
                StopReason reason = hart.run(budget);
                MachineExit checked = check.afterSlice(); // a result the guest reported beats what came after it
                if (checked != null) {
                    exit.finish(checked);
                }
                onStop(reason);
            }
            return exit.exit();
        } finally {
            if (deadline != null) {
                deadline.cancel();
            }
        }
    }

    private void onStop(StopReason reason) {
        switch (reason) {
            case INTERNAL_FAULT -> platform.exit().finish(new MachineExit.Fault(platform.hart().faultReport().toString()));
            case BREAKPOINT, STORE_HALTED -> platform.exit().finish(new MachineExit.Fault(
                    "the hart stopped (" + reason + ") but no debugger is attached to this run"));
            case STOP_REQUESTED -> platform.exit().finish(new MachineExit.Stopped());
            case INSTRUCTION_LIMIT, IDLE -> { }
        }
    }

    private AlarmClock.Alarm armTimeLimit(Duration limit) {
        AlarmClock clock = platform.clock();
        long ticks = limit.toNanos() / (1_000_000_000 / clock.frequency());
        return clock.schedule(clock.now() + ticks,
                () -> platform.exit().finish(new MachineExit.LimitReached("time limit of " + limit.toSeconds() + " s")));
    }
}
