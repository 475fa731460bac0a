package org.chariot.emulator.cpu;

import static org.chariot.emulator.cpu.Csr.STATUS_MPP;
import static org.chariot.emulator.cpu.Csr.STATUS_MPP_SHIFT;
import static org.chariot.emulator.cpu.Csr.STATUS_MPRV;
import static org.chariot.emulator.cpu.Csr.STATUS_MXR;
import static org.chariot.emulator.cpu.Csr.STATUS_SUM;

import org.chariot.emulator.bus.Bus;
import org.chariot.emulator.mmu.MemoryFault;
import org.chariot.emulator.mmu.Mmu;
import org.chariot.emulator.mmu.Privilege;
import org.chariot.emulator.mmu.StoreHalted;
import org.chariot.emulator.snapshot.Snapshottable;

/**
 * One RV64IMAC + Zicsr + Zifencei hart with M, S and U modes and Sv39, run by an interpreter with
 * a decode cache and TLBs. Everything it does happens on the thread that calls {@link #run(long)};
 * only {@link #interrupts()} and {@link #requestStop()} may be used from other threads.
 *
 * <p>Reset state: M-mode, all registers zero, {@code satp} bare. The platform sets the pc and
 * a0/a1 with {@link #setPc} and {@link #setX}. What the platform must arrange, since the SBI runs
 * in Java and no M-mode firmware runs on the hart:
 * <ul>
 *   <li>Before entering the kernel, do what firmware would: {@code setCsr(Csr.MIDELEG, 0x222)}
 *       (S-mode software, timer and external interrupts), {@code setCsr(Csr.MEDELEG, 0xb1ff)}
 *       (every exception but ecalls from S and M), then {@link #setPrivilege setPrivilege(Privilege.SUPERVISOR)}.</li>
 *   <li>{@code menvcfg.STCE} is set at reset and {@code mcounteren} is 7, so S-mode may read
 *       {@code time} and use the Sstc {@code stimecmp}; the SBI's set_timer writes
 *       {@code Csr.STIMECMP} through {@link #setCsr}.</li>
 *   <li>An ecall from S-mode goes to the {@link EnvironmentCallHandler} first.</li>
 *   <li>A trap that would enter M-mode while {@code mtvec} is 0 stops the hart with
 *       {@link StopReason#INTERNAL_FAULT} and a report, instead of jumping to address 0.</li>
 *   <li>The time source must advance in real time: WFI sleeps on the host until the next
 *       {@code stimecmp} deadline, converted with {@link TimeSource#frequency()}.</li>
 * </ul>
 * Beyond {@link HartRegisters}: {@link #setPrivilege} for the hand-over, {@link #mmu()} where the
 * monitor attaches its observers, {@link #debug()} for the GDB stub, {@link #faultReport()} after
 * {@link StopReason#INTERNAL_FAULT}. Device interrupts are noticed between batches of a few
 * thousand instructions; writes to interrupt-enable CSRs are acted on before the next instruction.
 */
public final class Hart implements HartRegisters {

    static final long NO_RESERVATION = -1;
    private static final int BATCH = 4096;
    private static final long STIP = 1L << InterruptTarget.STIP;

    final long[] x = new long[32];
    /** The pc of the executing instruction. */
    long pc;
    /** Where execution continues after it; branches, jumps and trap returns change it. */
    long nextPc;
    /** The address of the last {@code lr}, until an {@code sc} or a trap. */
    long reservation = NO_RESERVATION;
    final Mmu mmu;
    final Csrs csrs;
    final Traps traps;

    private final Bus bus;
    private final TimeSource time;
    private final PendingInterrupts interrupts = new PendingInterrupts();
    private final Decoder decoder = new Decoder(InstructionTable.standard());
    private final ExecutionHistory history = new ExecutionHistory();
    private final Breakpoints breakpoints = new Breakpoints();
    /** Hot code translated to JVM bytecode, or null where the interpreter runs everything. */
    private final TranslatedCode translatedCode;
    private int privilege = Privilege.MACHINE;
    private long retired;
    private long steps;
    /** Instructions left in the current batch; set to 0 to make the run loop look at interrupts now. */
    private int budget;
    boolean waitingForInterrupt;
    private volatile boolean stopRequested;
    private EnvironmentCallHandler environmentCallHandler;
    private FaultReport faultReport;

    public Hart(int hartId, Bus bus, TimeSource time) {
        this.bus = bus;
        this.time = time;
        this.mmu = new Mmu(bus);
        this.csrs = new Csrs(this, interrupts, time, hartId);
        this.traps = new Traps(this, csrs);
        int threshold = Translation.threshold();
        this.translatedCode = threshold > 0 ? new TranslatedCode(this, decoder, threshold) : null;
        translationContextChanged();
    }

    /** Where devices raise this hart's interrupts; thread-safe. */
    public InterruptTarget interrupts() {
        return interrupts;
    }

    public void setEnvironmentCallHandler(EnvironmentCallHandler handler) {
        this.environmentCallHandler = handler;
    }

    /** The MMU, where the monitor attaches its store and fetch observers. */
    public Mmu mmu() {
        return mmu;
    }

    /** The hart's architectural state, to save into a snapshot or restore from one (between runs only). */
    public Snapshottable state() {
        return new HartState(this);
    }

    PendingInterrupts pendingInterrupts() {
        return interrupts;
    }

    /** Register, memory, stepping and breakpoint access for a debugger. */
    public DebugAccess debug() {
        return new HartDebug(this, bus, breakpoints);
    }

    /** Asks a running hart to return from {@link #run(long)} soon; wakes it from WFI. Thread-safe. */
    public void requestStop() {
        stopRequested = true;
        interrupts.wake();
    }

    public long instructionsRetired() {
        return retired;
    }

    void setInstructionsRetired(long value) {
        retired = value;
    }

    /** Why the last run stopped with {@link StopReason#INTERNAL_FAULT}, or null. */
    public FaultReport faultReport() {
        return faultReport;
    }

    /**
     * Runs until {@code maxInstructions} have been started, a stop is requested, a debugger
     * breakpoint is reached, the hart idles with nothing that could wake it, or the emulator fails.
     * Time spent asleep in WFI does not count towards the limit.
     */
    public StopReason run(long maxInstructions) {
        long start = steps;
        boolean first = true;
        while (true) {
            if (stopRequested) {
                stopRequested = false;
                return StopReason.STOP_REQUESTED;
            }
            interrupts.takeAttention();
            StopReason reason = serviceInterrupts();
            if (reason != null) {
                return reason;
            }
            if (waitingForInterrupt) {
                reason = sleep();
                if (reason != null) {
                    return reason;
                }
                continue;
            }
            long left = maxInstructions - (steps - start);
            if (left <= 0) {
                return StopReason.INSTRUCTION_LIMIT;
            }
            budget = (int) Math.min(left, BATCH);
            reason = executeBatch(first);
            first = false;
            if (reason != null) {
                return reason;
            }
        }
    }

    private StopReason serviceInterrupts() {
        int interrupt = traps.interruptToTake();
        if (interrupt >= 0) {
            waitingForInterrupt = false;
            return enterTrap(true, interrupt, 0);
        }
        if (waitingForInterrupt && (csrs.mip() & csrs.mie) != 0) {
            waitingForInterrupt = false;
        }
        return null;
    }

    /** @param resuming true if the first instruction is where the run started: a breakpoint there has been reported. */
    private StopReason executeBatch(boolean resuming) {
        boolean checkBreakpoints = breakpoints.armed();
        // Observers see the pc of each instruction and may replace one (a refused free): translated blocks would hide both.
        boolean translating = translatedCode != null && !checkBreakpoints && !mmu.observed();
        while (budget > 0) {
            budget--;
            long at = pc;
            if (checkBreakpoints && !resuming && breakpoints.contains(at)) {
                return StopReason.BREAKPOINT;
            }
            resuming = false;
            history.record(at);
            steps++;
            Decoded decoded = null;
            try {
                int bits = mmu.fetch(at);
                if (translating && runTranslated(at, bits) > 0) {
                    continue;
                }
                decoded = decoder.decode(at, bits);
                nextPc = at + decoded.length;
                Executor.execute(this, decoded);
                pc = nextPc;
                retired++;
            } catch (Trap trap) {
                long value = trap.cause == Cause.ILLEGAL_INSTRUCTION ? instructionBits(decoded) : trap.value;
                StopReason reason = enterTrap(false, trap.cause, value);
                if (reason != null) {
                    return reason;
                }
            } catch (MemoryFault fault) {
                StopReason reason = enterTrap(false, fault.cause(), fault.address());
                if (reason != null) {
                    return reason;
                }
            } catch (StoreHalted halted) {
                steps--;
                return StopReason.STORE_HALTED;
            } catch (RuntimeException e) {
                return internalFault("unexpected " + e + " executing " + decoded);
            }
        }
        return null;
    }

    /**
     * Runs the translated block at {@code at} if there is one (its first instruction counted as
     * started already); returns the instructions it retired, 0 if the interpreter must go on.
     */
    private int runTranslated(long at, int bits) throws MemoryFault {
        int ran;
        try {
            ran = translatedCode.run(at, bits, budget + 1);
        } catch (MemoryFault | StoreHalted e) {
            int before = translatedCode.retiredBeforeFault();
            retired += before;
            steps += before;
            budget -= before;
            throw e;
        }
        if (ran > 0) {
            retired += ran;
            steps += ran - 1;
            budget -= ran - 1;
        }
        return ran;
    }

    /** {@code fence.i}: instructions in memory may have changed, so translations of them may be stale. */
    void instructionsChanged() {
        if (translatedCode != null) {
            translatedCode.flush();
        }
    }

    private static long instructionBits(Decoded decoded) {
        return decoded.length == 2 ? decoded.bits & 0xffff : decoded.bits & 0xffff_ffffL;
    }

    private StopReason enterTrap(boolean interrupt, int cause, long value) {
        reservation = NO_RESERVATION;
        if (traps.targetOf(interrupt, cause) == Privilege.MACHINE && csrs.mtvec == 0) {
            return internalFault(String.format("%s %d (tval 0x%x) would enter M-mode, but mtvec is 0: "
                    + "no M-mode handler exists (delegate it with medeleg/mideleg, or handle the ecall in Java)",
                    interrupt ? "interrupt" : "exception", cause, value));
        }
        traps.take(interrupt, cause, value);
        return null;
    }

    private StopReason internalFault(String problem) {
        faultReport = new FaultReport(problem, pc, privilege, x, history.recent());
        return StopReason.INTERNAL_FAULT;
    }

    /** WFI: sleeps on the host until an interrupt may be pending; IDLE if nothing could ever wake the hart. */
    private StopReason sleep() {
        long enabled = csrs.mie;
        boolean timerCanWake = csrs.timerArmed() && (enabled & STIP) != 0;
        if (!timerCanWake && (enabled & ~STIP) == 0) {
            waitingForInterrupt = false;
            return StopReason.IDLE;
        }
        long nanos = -1;
        if (timerCanWake) {
            long ticks = csrs.stimecmp - time.now();
            nanos = ticks <= 0 ? 0 : PendingInterrupts.nanosFor(ticks, time.frequency());
        }
        try {
            interrupts.await(nanos);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return StopReason.STOP_REQUESTED;
        }
        return null;
    }

    // ---- called by instructions, CSRs and traps

    void waitForInterrupt() {
        waitingForInterrupt = true;
        budget = 0;
    }

    /** Interrupt enables, pending bits or delegation changed: look for interrupts before the next instruction. */
    void interruptStateChanged() {
        budget = 0;
    }

    void translationContextChanged() {
        long status = csrs.mstatus;
        int dataPrivilege = privilege == Privilege.MACHINE && (status & STATUS_MPRV) != 0
                ? (int) ((status & STATUS_MPP) >>> STATUS_MPP_SHIFT)
                : privilege;
        mmu.setContext(privilege, dataPrivilege, (status & STATUS_SUM) != 0, (status & STATUS_MXR) != 0, csrs.satp);
    }

    boolean offerEnvironmentCall() {
        return environmentCallHandler != null && environmentCallHandler.handle(this);
    }

    // ---- HartRegisters

    /**
     * The pc of the instruction the hart started before the current one: from a fetch observer, the
     * jump that brought control to the instruction being fetched.
     */
    public long previousPc() {
        return history.previous();
    }

    @Override
    public long x(int i) {
        return x[i];
    }

    @Override
    public void setX(int i, long value) {
        if (i != 0) {
            x[i] = value;
        }
    }

    @Override
    public long pc() {
        return pc;
    }

    @Override
    public void setPc(long pc) {
        this.pc = pc;
        this.nextPc = pc;
    }

    @Override
    public int privilege() {
        return privilege;
    }

    /** Changes the privilege mode (a {@link Privilege} constant), as a trap or trap return would. */
    public void setPrivilege(int privilege) {
        if (!Privilege.exists(privilege)) {
            throw new IllegalArgumentException("privilege " + privilege + " does not exist; use 0 (U), 1 (S) or 3 (M)");
        }
        this.privilege = privilege;
        translationContextChanged();
        interruptStateChanged();
    }

    @Override
    public long csr(int number) {
        try {
            return csrs.read(number, Privilege.MACHINE);
        } catch (Trap e) {
            throw new IllegalArgumentException(String.format("CSR 0x%03x does not exist on this hart", number), e);
        }
    }

    @Override
    public void setCsr(int number, long value) {
        try {
            csrs.write(number, Privilege.MACHINE, value);
        } catch (Trap e) {
            throw new IllegalArgumentException(String.format("CSR 0x%03x does not exist or is read-only", number), e);
        }
    }
}
