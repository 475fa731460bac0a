package org.chariot.emulator.gdb;

import java.util.Optional;
import org.chariot.emulator.cpu.DebugAccess;
import org.chariot.emulator.cpu.Hart;
import org.chariot.emulator.cpu.StopReason;
import org.chariot.emulator.machine.Machine;
import org.chariot.emulator.machine.MachineExit;
import org.chariot.emulator.mmu.Mmu;

/**
 * The Linux machine under the debugger. The stub runs its hart directly instead of
 * {@link Machine#run()}, so the run's time and instruction limits do not apply while a debugger
 * drives it (a user sitting at a breakpoint is not a hung guest).
 */
public final class MachineTarget implements DebugTarget {

    /** Instructions per call into the hart; it returns early on any stop request anyway. */
    private static final long SLICE = 1L << 32;

    private final Machine machine;
    private final Hart hart;
    private final DebugAccess debug;

    public MachineTarget(Machine machine) {
        this.machine = machine;
        this.hart = machine.hart();
        this.debug = hart.debug();
    }

    @Override
    public DebugAccess debug() {
        return debug;
    }

    @Override
    public Mmu mmu() {
        return hart.mmu();
    }

    @Override
    public StopReason run() {
        return hart.run(SLICE);
    }

    @Override
    public void requestStop() {
        hart.requestStop();
    }

    @Override
    public Optional<Ending> ending() {
        return machine.exit().map(MachineTarget::ending);
    }

    @Override
    public void terminate() {
        machine.stop();
    }

    @Override
    public String faultReport() {
        return String.valueOf(hart.faultReport());
    }

    /** A power-off reports the guest's code; any other end reports 1, with what happened. */
    private static Ending ending(MachineExit exit) {
        return exit instanceof MachineExit.PowerOff off
                ? new Ending(off.code(), "the guest powered off (code " + off.code() + ")")
                : new Ending(1, "the machine ended: " + exit);
    }
}
