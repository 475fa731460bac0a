package org.chariot.emulator.run;

import java.util.List;
import org.chariot.emulator.monitor.Grant;
import org.chariot.emulator.monitor.ModuleSection;
import org.chariot.emulator.monitor.MonitorEvents;
import org.chariot.emulator.monitor.Violation;

/**
 * Tells each of several listeners every event of a run, in the order given: the one place where events are passed
 * on. A member hears what its interface covers: the monitor's events all of them, the console a {@link GuestOutput},
 * stages and the end a {@link RunListener}.
 */
public final class RunListeners implements RunListener {

    private final List<MonitorEvents> listeners;

    private RunListeners(List<MonitorEvents> listeners) {
        this.listeners = List.copyOf(listeners);
    }

    public static RunListener of(MonitorEvents... listeners) {
        return new RunListeners(List.of(listeners));
    }

    @Override
    public void stage(String message) {
        for (MonitorEvents listener : listeners) {
            if (listener instanceof RunListener run) {
                run.stage(message);
            }
        }
    }

    @Override
    public void booting(String machine, BootSpec spec) {
        for (MonitorEvents listener : listeners) {
            if (listener instanceof RunListener run) {
                run.booting(machine, spec);
            }
        }
    }

    @Override
    public void console(String line) {
        for (MonitorEvents listener : listeners) {
            if (listener instanceof GuestOutput guest) {
                guest.console(line);
            }
        }
    }

    @Override
    public void moduleLoaded(String name, List<ModuleSection> sections) {
        listeners.forEach(listener -> listener.moduleLoaded(name, sections));
    }

    @Override
    public void moduleUnloaded(String name) {
        listeners.forEach(listener -> listener.moduleUnloaded(name));
    }

    @Override
    public void granted(String module, Grant grant) {
        listeners.forEach(listener -> listener.granted(module, grant));
    }

    @Override
    public void revoked(String module, Grant grant) {
        listeners.forEach(listener -> listener.revoked(module, grant));
    }

    @Override
    public void violation(Violation violation) {
        listeners.forEach(listener -> listener.violation(violation));
    }

    @Override
    public void finished(RunResult result) {
        for (MonitorEvents listener : listeners) {
            if (listener instanceof RunListener run) {
                run.finished(result);
            }
        }
    }
}
