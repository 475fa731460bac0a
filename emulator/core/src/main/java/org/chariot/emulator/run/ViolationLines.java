package org.chariot.emulator.run;

import java.util.ArrayList;
import java.util.List;
import org.chariot.emulator.gdb.IsolationLog;
import org.chariot.emulator.monitor.MonitorEvents;
import org.chariot.emulator.monitor.Violation;
import org.chariot.emulator.monitor.ViolationReport;

/**
 * Keeps a line for each violation the monitor reports, which a debugger attached to the run reads while the hart is
 * stopped.
 */
final class ViolationLines implements MonitorEvents, IsolationLog {

    private final List<String> lines = new ArrayList<>();

    @Override
    public void violation(Violation violation) {
        synchronized (lines) {
            lines.add(ViolationReport.oneLine(violation));
        }
    }

    @Override
    public List<String> violationLines() {
        synchronized (lines) {
            return List.copyOf(lines);
        }
    }
}
