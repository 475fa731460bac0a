package org.chariot.emulator.monitor;

/** What an illegal write hit, an invalid free, or a checked read, as the event stream's {@code kind} names it. */
public enum ViolationKind {
    HEAP_OVERFLOW("wrote past the end of a heap object"),
    HEAP_UNDERFLOW("wrote before the start of a heap object"),
    USE_AFTER_FREE("wrote to a heap object after it was freed"),
    INVALID_FREE(Access.FREE, "freed memory it does not own (a double free, a pointer into an object, a kernel object)"),
    MISMATCHED_FREE(Access.FREE, "freed an object with the wrong allocator's free, or into the wrong kmem_cache"),
    STACK("wrote to a stack frame that is not its own, or over a saved return address or register"),
    KERNEL_TEXT("wrote to the kernel's code"),
    KERNEL_RODATA("wrote to the kernel's read-only data"),
    KERNEL_DATA("wrote to kernel globals or a kernel-owned heap object"),
    MODULE_TEXT("wrote to its own code"),
    MODULE_RODATA("wrote to its own read-only data (rodata, or ro-after-init data once init returned)"),
    NULL_POINTER("wrote through a NULL pointer (the first pages of the address space)"),
    USER_MEMORY("wrote to user memory outside the uaccess routines (copy_to_user, put_user)"),
    UNMAPPED("wrote to a kernel address with no valid mapping (a guard page, unmapped space)"),
    OTHER_DRIVER("wrote to memory another driver owns"),
    OUT_OF_BOUNDS_READ(Access.READ, "read past the end or before the start of a heap object (with --check reads)"),
    USE_AFTER_FREE_READ(Access.READ, "read a heap object after it was freed (with --check reads)"),
    DMA(Access.DMA, "had its device write guest memory it had not mapped for DMA (dma_map_*, dma_alloc_*)"),
    UNKNOWN("wrote to memory it does not own");

    /** What the driver did that the violation is about. */
    public enum Access { WRITE, FREE, READ, DMA }

    private final Access access;
    private final String description;

    ViolationKind(String description) {
        this(Access.WRITE, description);
    }

    ViolationKind(Access access, String description) {
        this.access = access;
        this.description = description;
    }

    /** A write, a free or a read. */
    public Access access() {
        return access;
    }

    /** {@code heap-overflow}, ... */
    public String jsonName() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    /** What the driver did, in words: "wrote past the end of a heap object". */
    public String description() {
        return description;
    }
}
