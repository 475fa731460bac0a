package org.chariot.emulator.run;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import org.chariot.emulator.gdb.GdbServer;
import org.chariot.emulator.gdb.GuestModules;
import org.chariot.emulator.gdb.IsolationLog;
import org.chariot.emulator.gdb.MachineTarget;
import org.chariot.emulator.guest.GuestKit;
import org.chariot.emulator.machine.Machine;
import org.chariot.emulator.machine.MachineConfig;
import org.chariot.emulator.machine.MachineExit;
import org.chariot.emulator.machine.Peripherals;
import org.chariot.emulator.mmu.FetchObserver;
import org.chariot.emulator.mmu.Mmu;
import org.chariot.emulator.monitor.Monitor;

/** The project's own RISC-V machine, in this process; optionally under a GDB client's control. */
public final class OwnMachine implements GuestMachine {

    /**
     * A GDB remote stub for the run, on 127.0.0.1:{@code port} (0: any free port).
     *
     * @param waitForClient the guest starts frozen until the client continues it
     * @param announce told where the stub listens and how to connect
     */
    public record Debugging(int port, boolean waitForClient, GuestKit kit, Consumer<String> announce) {
    }

    private final Optional<Debugging> debugging;
    private final Consumer<Peripherals> atPowerOn;
    private final UnaryOperator<FetchObserver> monitorFetches;
    private final Optional<BootSnapshots> snapshots;
    private volatile long instructionsOfLastBoot;
    private volatile long pcAtEndOfLastBoot;

    public OwnMachine() {
        this(Optional.empty());
    }

    public OwnMachine(Optional<Debugging> debugging) {
        this(debugging, peripherals -> { }, UnaryOperator.identity());
    }

    /**
     * @param atPowerOn given the machine's chips before the guest starts, for a test or a host tool to
     *     set or drive what the guest will read (a sensor's temperature, GPIO inputs) then or later
     * @param monitorFetches wraps the isolation monitor's fetch observer, which sees the isolated
     *     drivers' code (coverage counts it); identity when nothing else must see it
     */
    public OwnMachine(Optional<Debugging> debugging, Consumer<Peripherals> atPowerOn,
            UnaryOperator<FetchObserver> monitorFetches) {
        this(debugging, atPowerOn, monitorFetches, Optional.empty());
    }

    /**
     * Like {@link #OwnMachine(Optional, Consumer, UnaryOperator)}; with {@code snapshots}, a run starts
     * from the saved booted guest where it can (never under a debugger).
     */
    public OwnMachine(Optional<Debugging> debugging, Consumer<Peripherals> atPowerOn,
            UnaryOperator<FetchObserver> monitorFetches, Optional<BootSnapshots> snapshots) {
        this.debugging = debugging;
        this.atPowerOn = atPowerOn;
        this.monitorFetches = monitorFetches;
        this.snapshots = debugging.isPresent() ? Optional.empty() : snapshots;
    }

    @Override
    public String name() {
        return "ours";
    }

    /** Guest instructions the hart retired in the last boot, for benchmarks. */
    public long instructionsOfLastBoot() {
        return instructionsOfLastBoot;
    }

    /** Where the hart was when the last boot ended: the store's pc after a halt. */
    public long pcAtEndOfLastBoot() {
        return pcAtEndOfLastBoot;
    }

    @Override
    public GuestExit boot(BootSpec spec, GuestOutput guest) {
        ConsoleLines output = new ConsoleLines(guest::console);
        MachineExit exit;
        try (Machine machine = start(spec, output)) {
            atPowerOn.accept(machine.peripherals());
            BootSpec.Isolation isolation = spec.isolation();
            Optional<IsolationLog> log = Optional.empty();
            if (isolation != null) {
                ViolationLines lines = new ViolationLines();
                Monitor.attach(machine, isolation.kit(), isolation.modules(), isolation.policy(),
                        isolation.checkReads(), RunListeners.of(lines, guest));
                Mmu mmu = machine.hart().mmu();
                mmu.setFetchObserver(monitorFetches.apply(mmu.fetchObserver()));
                log = Optional.of(lines);
            }
            exit = debugging.isPresent() ? runDebugged(machine, spec, debugging.get(), log) : machine.run();
            instructionsOfLastBoot = machine.hart().instructionsRetired();
            pcAtEndOfLastBoot = machine.hart().pc();
        } catch (IOException e) {
            return GuestExit.failed("the machine could not start: " + e.getMessage());
        } finally {
            output.close();
        }
        return switch (exit) {
            case MachineExit.PowerOff off -> GuestExit.stopped("powered off with code " + off.code());
            case MachineExit.Reboot reboot -> GuestExit.stopped("the guest rebooted");
            case MachineExit.LimitReached limit -> GuestExit.timedOut("the machine was stopped at its " + limit.limit());
            case MachineExit.Stopped stopped -> GuestExit.failed("the machine was stopped");
            case MachineExit.Fault fault -> GuestExit.failed("the emulator failed:\n" + fault.report());
        };
    }

    /** The machine restored from the booted guest's snapshot if there is one for this run, else a booting one. */
    private Machine start(BootSpec spec, ConsoleLines output) throws IOException {
        Optional<Machine> restored = snapshots.flatMap(store -> store.restore(spec, output));
        if (restored.isPresent()) {
            return restored.get();
        }
        return Machine.create(MachineConfig.builder(spec.kernel()).initrd(spec.initrd()).bootargs(spec.commandLine())
                .memoryMib(spec.memoryMiB()).disk(spec.disk()).pciDisk(spec.pciDisk())
                .networkCapture(spec.networkCapture()).board(spec.board()).console(null, output)
                .timeLimit(spec.timeout()).build());
    }

    /** Runs the machine under the stub: no time limit applies while a debugger drives it. */
    private static MachineExit runDebugged(Machine machine, BootSpec spec, Debugging debugging,
            Optional<IsolationLog> isolation) throws IOException {
        Map<String, Path> moduleFiles = new LinkedHashMap<>();
        spec.modules().forEach(module -> moduleFiles.put(module.name(), module.file()));
        GuestModules guest = GuestModules.of(debugging.kit(), moduleFiles, isolation);
        try (GdbServer gdb = GdbServer.start(new MachineTarget(machine), debugging.port(), debugging.waitForClient(),
                Optional.of(guest))) {
            debugging.announce().accept("GDB stub on 127.0.0.1:" + gdb.port() + (debugging.waitForClient()
                    ? ", the guest waits for a client" : "") + "; connect with: gdb-multiarch "
                    + debugging.kit().vmlinux() + " -ex 'set breakpoint pending on' -ex 'target remote 127.0.0.1:"
                    + gdb.port() + "'");
            gdb.runMachine();
        }
        return machine.exit().orElseGet(MachineExit.Stopped::new);
    }
}
