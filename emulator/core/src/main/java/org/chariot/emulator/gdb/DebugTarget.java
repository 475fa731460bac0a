package org.chariot.emulator.gdb;

import java.util.Optional;
import org.chariot.emulator.cpu.DebugAccess;
import org.chariot.emulator.cpu.StopReason;
import org.chariot.emulator.mmu.Mmu;

/**
 * The machine as the GDB stub drives it: one hart's debug access, and a way to run it on the
 * machine's own thread. {@link MachineTarget} adapts the Linux machine; tests adapt a bare hart.
 */
public interface DebugTarget {

    /** Registers, memory, steps and breakpoints; used only while {@link #run()} is not running. */
    DebugAccess debug();

    /** The MMU, where watchpoints watch stores. */
    Mmu mmu();

    /**
     * Runs the machine on the calling thread until the hart stops for any reason; a power-off or
     * another end of the machine returns {@link StopReason#STOP_REQUESTED} with {@link #ending()} set.
     */
    StopReason run();

    /** Makes a running {@link #run()} return soon; thread-safe. */
    void requestStop();

    /** How the machine ended (the guest powered off, ...), or empty while it can go on. */
    Optional<Ending> ending();

    /** What went wrong after {@link StopReason#INTERNAL_FAULT}: the hart's report. */
    String faultReport();

    /** Ends the machine for good (GDB's {@code kill}); {@link #ending()} is set afterwards. */
    void terminate();

    /** The end of a machine: the exit code GDB reports ({@code W} packet) and what happened. */
    record Ending(int exitCode, String description) {
    }
}
