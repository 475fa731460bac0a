package org.chariot.emulator.gdb;

import java.util.HashMap;
import java.util.Map;
import org.chariot.emulator.cpu.DebugAccess;

/**
 * The pcs the hart stops at: the client's software and hardware breakpoints ({@code Z0}, {@code Z1},
 * both hart breakpoints since the emulator never patches guest code) and the stub's own hooks. A pc
 * stays armed in the hart while either wants it. Changed only while the hart is stopped.
 */
final class BreakpointTable {

    enum Kind {
        SOFTWARE("swbreak:;"), HARDWARE("hwbreak:;");

        /** What a stop reply says about a stop at a breakpoint of this kind. */
        final String stopReason;

        Kind(String stopReason) {
            this.stopReason = stopReason;
        }
    }

    private final DebugAccess hart;
    private final Map<Long, Kind> client = new HashMap<>();
    private final Map<Long, StopHook> hooks = new HashMap<>();

    BreakpointTable(DebugAccess hart) {
        this.hart = hart;
    }

    void insert(long pc, Kind kind) {
        client.put(pc, kind);
        hart.insertBreakpoint(pc);
    }

    void remove(long pc) {
        client.remove(pc);
        disarmIfUnused(pc);
    }

    /** Forgets every client breakpoint, e.g. when the client went away without removing them. */
    void clearClient() {
        for (Long pc : client.keySet().toArray(Long[]::new)) {
            remove(pc);
        }
    }

    void addHook(long pc, StopHook hook) {
        hooks.put(pc, hook);
        hart.insertBreakpoint(pc);
    }

    /** Whether the hart stops at {@code pc}, for the client or for a hook. */
    boolean isArmed(long pc) {
        return client.containsKey(pc) || hooks.containsKey(pc);
    }

    /** The client's breakpoint at {@code pc}, or null. */
    Kind clientAt(long pc) {
        return client.get(pc);
    }

    /** The stub's hook at {@code pc}, or null. */
    StopHook hookAt(long pc) {
        return hooks.get(pc);
    }

    private void disarmIfUnused(long pc) {
        if (!hooks.containsKey(pc)) {
            hart.removeBreakpoint(pc);
        }
    }
}
