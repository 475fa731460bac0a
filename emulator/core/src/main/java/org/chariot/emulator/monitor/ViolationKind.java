package org.chariot.emulator.monitor;

/** What an illegal write hit, or an invalid free, as the event stream's {@code kind} names it. */
public enum ViolationKind {
    HEAP_OVERFLOW, HEAP_UNDERFLOW, USE_AFTER_FREE, INVALID_FREE, STACK, KERNEL_TEXT, KERNEL_RODATA, KERNEL_DATA,
    OTHER_DRIVER, UNKNOWN;

    /** {@code heap-overflow}, ... */
    public String jsonName() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
