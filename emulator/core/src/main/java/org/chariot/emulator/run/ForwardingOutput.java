package org.chariot.emulator.run;

import java.util.List;
import org.chariot.emulator.monitor.Grant;
import org.chariot.emulator.monitor.ModuleSection;
import org.chariot.emulator.monitor.Violation;

/** Passes everything a booted guest tells on to another output; a subclass adds to what it overrides. */
public abstract class ForwardingOutput implements GuestOutput {

    private final GuestOutput target;

    protected ForwardingOutput(GuestOutput target) {
        this.target = target;
    }

    @Override
    public void console(String line) {
        target.console(line);
    }

    @Override
    public void moduleLoaded(String name, List<ModuleSection> sections) {
        target.moduleLoaded(name, sections);
    }

    @Override
    public void moduleUnloaded(String name) {
        target.moduleUnloaded(name);
    }

    @Override
    public void granted(String module, Grant grant) {
        target.granted(module, grant);
    }

    @Override
    public void revoked(String module, Grant grant) {
        target.revoked(module, grant);
    }

    @Override
    public void violation(Violation violation) {
        target.violation(violation);
    }
}
