package org.chariot.emulator.run;

import java.util.ArrayList;
import java.util.List;
import org.chariot.emulator.gdb.IsolationLog;
import org.chariot.emulator.monitor.Grant;
import org.chariot.emulator.monitor.ModuleSection;
import org.chariot.emulator.monitor.Violation;
import org.chariot.emulator.monitor.ViolationReport;

/**
 * Passes the monitor's events on to the run and keeps a line for each violation, which a debugger
 * attached to the run reads while the hart is stopped.
 */
final class ViolationLines implements GuestOutput, IsolationLog {

    private final GuestOutput run;
    private final List<String> lines = new ArrayList<>();

    ViolationLines(GuestOutput run) {
        this.run = run;
    }

    @Override
    public void console(String line) {
        run.console(line);
    }

    @Override
    public void moduleLoaded(String name, List<ModuleSection> sections) {
        run.moduleLoaded(name, sections);
    }

    @Override
    public void moduleUnloaded(String name) {
        run.moduleUnloaded(name);
    }

    @Override
    public void granted(String module, Grant grant) {
        run.granted(module, grant);
    }

    @Override
    public void revoked(String module, Grant grant) {
        run.revoked(module, grant);
    }

    @Override
    public void violation(Violation violation) {
        synchronized (lines) {
            lines.add(ViolationReport.oneLine(violation));
        }
        run.violation(violation);
    }

    @Override
    public List<String> violationLines() {
        synchronized (lines) {
            return List.copyOf(lines);
        }
    }
}
