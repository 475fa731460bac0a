package org.chariot.emulator.gdb;

import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.chariot.emulator.cpu.DebugAccess;
import org.chariot.emulator.cpu.StopReason;

/**
 * Hands the hart between the machine's thread, which runs it, and the client's session thread,
 * which inspects it while it is stopped. The machine thread sits in {@link #runMachine} for the
 * whole run: it waits for a resume, runs until something the client must hear of (a breakpoint,
 * a watchpoint, a step, an interrupt, a fault, the end of the machine), publishes that stop and
 * waits again. The lock's hand-over also makes the machine thread's writes visible to the session.
 */
final class ExecutionControl {

    enum Resume {
        CONTINUE, STEP
    }

    private static final Duration STOP_DEADLINE = Duration.ofSeconds(10);

    private final DebugTarget target;
    private final DebugAccess hart;
    private final BreakpointTable breakpoints;
    private final Watchpoints watchpoints;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    /** The pc of the store the halt policy stopped the hart at, or -1; machine thread only. */
    private long haltedStorePc = -1;
    /** The pc whose stub hook has run since the hart got there (it has not executed it yet), or -1; machine thread only. */
    private long hookRanAt = -1;

    // guarded by lock
    private Resume pending;
    private boolean running;
    private boolean interruptRequested;
    private boolean finished;
    private StopEvent lastStop = StopEvent.signal(StopEvent.SIGTRAP);
    /** Who hears of the next stop: the session that resumed the hart, or nobody. */
    private Consumer<StopEvent> listener;

    /**
     * @param frozen the machine waits for a client's continue; otherwise it counts as running from
     *     now on, even before {@link #runMachine} is called, so a client that connects early stops it
     */
    ExecutionControl(DebugTarget target, BreakpointTable breakpoints, Watchpoints watchpoints, boolean frozen) {
        this.target = target;
        this.hart = target.debug();
        this.breakpoints = breakpoints;
        this.watchpoints = watchpoints;
        if (!frozen) {
            pending = Resume.CONTINUE;
            running = true;
        }
    }

    /** Runs the machine on the calling thread until it ends. */
    DebugTarget.Ending runMachine() {
        StopEvent stop;
        do {
            Resume resume = awaitResume();
            stop = resume == null ? StopEvent.exited(target.ending().orElseThrow()) : runUntilReportable(resume);
            publish(stop);
        } while (!stop.exit());
        return target.ending().orElseThrow();
    }

    /** Session thread: resumes a stopped hart; {@code stopListener} hears of the next stop. */
    void resume(Resume resume, Consumer<StopEvent> stopListener) {
        lock.lock();
        try {
            if (running || finished) {
                throw new IllegalStateException("the machine is not stopped");
            }
            pending = resume;
            running = true;
            listener = stopListener;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Session thread: asks a running hart to stop; the stop is reported as SIGINT. */
    void interrupt() {
        lock.lock();
        try {
            if (running) {
                interruptRequested = true;
                target.requestStop();
            }
        } finally {
            lock.unlock();
        }
    }

    /**
     * Stops the machine if it runs, without telling anybody, and returns the stop the hart is at
     * (for a client that connects, or one that went away mid-run).
     */
    StopEvent stopQuietly() {
        lock.lock();
        try {
            listener = null;
            if (running) {
                interruptRequested = true;
                target.requestStop();
            }
            long nanos = TimeUnit.NANOSECONDS.convert(STOP_DEADLINE);
            while (running && !finished) {
                if (nanos <= 0) {
                    throw new IllegalStateException("the machine did not stop within " + STOP_DEADLINE.toSeconds() + " s");
                }
                nanos = changed.awaitNanos(nanos);
            }
            return lastStop;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while stopping the machine", e);
        } finally {
            lock.unlock();
        }
    }

    /** Session thread: ends the machine for good; nobody hears of the exit. */
    void kill() {
        lock.lock();
        try {
            listener = null;
            target.terminate();
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Whether the hart is not running: stopped for the client, or for good after the machine ended. */
    boolean isStopped() {
        return locked(() -> !running);
    }

    boolean isFinished() {
        return locked(() -> finished);
    }

    /** The pending resume, or null if the machine ended while stopped. */
    private Resume awaitResume() {
        lock.lock();
        try {
            while (pending == null && target.ending().isEmpty()) {
                changed.awaitUninterruptibly();
            }
            Resume resume = pending;
            pending = null;
            return target.ending().isPresent() ? null : resume;
        } finally {
            lock.unlock();
        }
    }

    private StopEvent runUntilReportable(Resume resume) {
        StopEvent stop = runOnce(resume, true);
        while (stop == null) {
            stop = runOnce(resume, false);
        }
        return stop;
    }

    /**
     * One run of the hart; null if the client need not hear of why it stopped and it should go on.
     * A stub hook at the pc that has not run yet (the hart stopped there for the client, at its
     * breakpoint, after a step or an interrupt) runs first, since the instruction is about to
     * execute; if it changed the libraries, the client hears of that before anything executes.
     * The client's resume, and a run on from a hook's pc, first step one instruction with interrupts
     * held off: an interrupt taken first would return to the same pc and hit the breakpoint again,
     * for ever if the client is slower than the timer; and an interrupt that came due while the
     * client looked would run before the instruction the hart stopped at, between a call into a
     * kernel function and its first instruction, where the monitor sees the call.
     *
     * @param resumed the first run since the client resumed the hart
     */
    private StopEvent runOnce(Resume resume, boolean resumed) {
        if (runHook() && someoneListens()) {
            return StopEvent.signal(StopEvent.SIGTRAP).withLibraryChange();
        }
        boolean release = haltedStorePc == hart.pc() && HaltedStoreRelease.isStoreAt(hart);
        boolean stepFirst = release || resume == Resume.STEP || resumed || breakpoints.isArmed(hart.pc());
        StopReason reason = execute(release, stepFirst);
        if (stepFirst && reason == StopReason.STOP_REQUESTED && isStale()) {
            reason = execute(release, stepFirst); // the request came after the hart had stopped: nothing ran yet
        }
        if (!stepFirst || reason != StopReason.STOP_REQUESTED) { // the instruction at the stop has run
            haltedStorePc = -1;
            hookRanAt = -1;
        }
        return switch (reason) {
            case BREAKPOINT -> arrived();
            case STORE_HALTED -> atHaltedStore();
            case STOP_REQUESTED -> afterStopRequest();
            case INSTRUCTION_LIMIT, IDLE -> !stepFirst ? null : resume == Resume.STEP ? StopEvent.signal(StopEvent.SIGTRAP) : arrived();
            case INTERNAL_FAULT -> StopEvent.signal(StopEvent.SIGILL, "", target.faultReport() + "\n");
        };
    }

    private StopReason execute(boolean release, boolean stepFirst) {
        return release ? HaltedStoreRelease.stepDroppingTheStore(target.mmu(), hart)
                : stepFirst ? QuietStep.step(hart) : target.run();
    }

    /**
     * Whether the hart stopped for a request nobody stands by: an interrupt asked for while the hart was already
     * stopping for something else is left pending in the hart, and ends its next run before anything runs.
     */
    private boolean isStale() {
        return target.ending().isEmpty() && locked(() -> !interruptRequested);
    }

    /**
     * The hart is at a pc that may hold a breakpoint or a hook; null if nothing there concerns the
     * client. The client's breakpoint is reported before a hook at the same pc does its work (which
     * then happens as the client resumes): a stop that also said "libraries changed" would be taken by
     * GDB for a library event only, which it does not check against its breakpoints, and it would go on.
     */
    private StopEvent arrived() {
        BreakpointTable.Kind kind = breakpoints.clientAt(hart.pc());
        if (kind != null) {
            return StopEvent.signal(StopEvent.SIGTRAP, kind.stopReason, "");
        }
        return runHook() && someoneListens() ? StopEvent.signal(StopEvent.SIGTRAP).withLibraryChange() : null;
    }

    /** Runs the stub's hook at the pc, if there is one that has not run since the hart got there; true if the libraries changed. */
    private boolean runHook() {
        long pc = hart.pc();
        StopHook hook = breakpoints.hookAt(pc);
        if (hook == null || hookRanAt == pc) {
            return false;
        }
        hookRanAt = pc;
        return hook.reached(hart);
    }

    private StopEvent atHaltedStore() {
        OptionalLong watched = watchpoints.takeHit();
        if (watched.isPresent()) {
            return StopEvent.signal(StopEvent.SIGTRAP, "watch:" + Long.toHexString(watched.getAsLong()) + ";", "");
        }
        haltedStorePc = hart.pc();
        return StopEvent.signal(StopEvent.SIGSEGV, "", String.format(
                "Chariot halted the machine at pc 0x%x, before an isolated driver's illegal store or free.%n",
                hart.pc()));
    }

    private StopEvent afterStopRequest() {
        Optional<DebugTarget.Ending> ending = target.ending();
        if (ending.isPresent()) {
            return StopEvent.exited(ending.get());
        }
        return locked(() -> {
            boolean asked = interruptRequested;
            interruptRequested = false;
            // a request that came after the hart had stopped anyway is stale: run on
            return asked ? StopEvent.signal(StopEvent.SIGINT) : null;
        });
    }

    private boolean someoneListens() {
        return locked(() -> listener != null);
    }

    private <T> T locked(Supplier<T> read) {
        lock.lock();
        try {
            return read.get();
        } finally {
            lock.unlock();
        }
    }

    private void publish(StopEvent stop) {
        Consumer<StopEvent> told;
        lock.lock();
        try {
            running = false;
            interruptRequested = false;
            finished = stop.exit();
            lastStop = stop;
            told = listener;
            listener = null;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
        if (told != null) {
            told.accept(stop);
        }
    }
}
