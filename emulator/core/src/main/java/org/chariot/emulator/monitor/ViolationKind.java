package org.chariot.emulator.monitor;

/** What an illegal write hit, or an invalid free, as the event stream's {@code kind} names it. */
public enum ViolationKind {
    HEAP_OVERFLOW, HEAP_UNDERFLOW, USE_AFTER_FREE, INVALID_FREE,
    /** A free by the wrong allocator, or into the wrong {@code kmem_cache}. */
    MISMATCHED_FREE, STACK, KERNEL_TEXT, KERNEL_RODATA, KERNEL_DATA,
    /** The module's own code or read-only data (rodata, ro-after-init data once init returned). */
    MODULE_TEXT, MODULE_RODATA,
    /** The first pages of the address space: a NULL pointer, or a small offset from one. */
    NULL_POINTER,
    /** User memory written from kernel mode outside the uaccess routines. */
    USER_MEMORY,
    /** A kernel address with no valid mapping (unmapped space, a guard page). */
    UNMAPPED, OTHER_DRIVER, UNKNOWN;

    /** {@code heap-overflow}, ... */
    public String jsonName() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
