package org.chariot.emulator.run;

import java.util.ArrayList;
import java.util.List;
import org.chariot.emulator.gdb.IsolationLog;
import org.chariot.emulator.monitor.Violation;
import org.chariot.emulator.monitor.ViolationReport;

/**
 * Passes the monitor's events on to the run and keeps a line for each violation, which a debugger
 * attached to the run reads while the hart is stopped.
 */
final class ViolationLines extends ForwardingOutput implements IsolationLog {

    private final List<String> lines = new ArrayList<>();

    ViolationLines(GuestOutput run) {
        super(run);
    }

    @Override
    public void violation(Violation violation) {
        synchronized (lines) {
            lines.add(ViolationReport.oneLine(violation));
        }
        super.violation(violation);
    }

    @Override
    public List<String> violationLines() {
        synchronized (lines) {
            return List.copyOf(lines);
        }
    }
}
