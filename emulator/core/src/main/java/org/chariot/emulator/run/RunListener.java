package org.chariot.emulator.run;

import java.util.List;
import org.chariot.emulator.monitor.Grant;
import org.chariot.emulator.monitor.ModuleSection;
import org.chariot.emulator.monitor.Violation;

/** Follows a run as it goes: its stages, the guest console, the isolated drivers' violations, and its end. */
public interface RunListener extends GuestOutput {

    /** A new stage begins ("building the driver", "booting the guest on qemu"). */
    void stage(String message);

    /** The guest is about to boot on {@code machine} with {@code spec}. */
    default void booting(String machine, BootSpec spec) {
    }

    @Override
    default void violation(Violation violation) {
    }

    /** The run is over. */
    default void finished(RunResult result) {
    }

    /** A listener that tells both {@code first} and {@code second}, in that order. */
    static RunListener both(RunListener first, RunListener second) {
        return new RunListener() {
            @Override
            public void stage(String message) {
                first.stage(message);
                second.stage(message);
            }

            @Override
            public void booting(String machine, BootSpec spec) {
                first.booting(machine, spec);
                second.booting(machine, spec);
            }

            @Override
            public void console(String line) {
                first.console(line);
                second.console(line);
            }

            @Override
            public void moduleLoaded(String name, List<ModuleSection> sections) {
                first.moduleLoaded(name, sections);
                second.moduleLoaded(name, sections);
            }

            @Override
            public void moduleUnloaded(String name) {
                first.moduleUnloaded(name);
                second.moduleUnloaded(name);
            }

            @Override
            public void granted(String module, Grant grant) {
                first.granted(module, grant);
                second.granted(module, grant);
            }

            @Override
            public void revoked(String module, Grant grant) {
                first.revoked(module, grant);
                second.revoked(module, grant);
            }

            @Override
            public void violation(Violation violation) {
                first.violation(violation);
                second.violation(violation);
            }

            @Override
            public void finished(RunResult result) {
                first.finished(result);
                second.finished(result);
            }
        };
    }
}
