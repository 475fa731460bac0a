package org.chariot.emulator.monitor;

import java.util.List;

/**
 * Where the monitor tells what it sees, from the hart's thread: the run wires it to the event
 * stream ({@link Violation#toEvent}) and the console ({@link ViolationReport}).
 */
public interface MonitorEvents {

    /** An isolated module was loaded and its writable sections granted. */
    default void moduleLoaded(String name, List<ModuleSection> sections) {
    }

    /** An isolated module was freed: its grants are gone. */
    default void moduleUnloaded(String name) {
    }

    /** The isolated module {@code module} may now write {@code grant}'s bytes. */
    default void granted(String module, Grant grant) {
    }

    /** The isolated module {@code module} may no longer write {@code grant}'s bytes (freed, released, unloaded). */
    default void revoked(String module, Grant grant) {
    }

    /** An illegal write, before the policy's decision takes effect. */
    void violation(Violation violation);
}
