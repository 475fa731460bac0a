package org.chariot.emulator.run;

/** How a run ended, as the process exit code that scripts and CI see. */
public enum ExitStatus {
    /** Every step in the guest succeeded. */
    OK(0),
    /** The driver failed a step in the guest: it did not load, its exercise failed, or it did not unload. */
    DRIVER_FAILED(1),
    /** Bad input or set-up: a missing driver, toolchain or kit; the message says what to do. */
    USAGE(2),
    /** The guest kernel panicked. */
    GUEST_PANIC(3),
    /** The run exceeded its time limit. */
    TIMEOUT(4),
    /** The driver or the exercise program did not build. */
    BUILD_FAILED(5),
    /** The machine itself failed (it stopped before the guest finished, or could not start). */
    MACHINE_FAILED(6),
    /** The isolated drivers made illegal writes or frees (each reported); every step in the guest succeeded nonetheless. */
    VIOLATIONS(7);

    private final int code;

    ExitStatus(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }
}
