package org.chariot.emulator.monitor;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Optional;
import org.chariot.emulator.cpu.DebugAccess;
import org.chariot.emulator.cpu.Hart;
import org.chariot.emulator.mmu.MemoryFault;
import org.chariot.emulator.mmu.StoreDecision;

/**
 * The driver's own calls of the kernel's frees, checked at the free's entry: freeing what it does
 * not own is an invalid-free, which the policy decides before the free runs. Not owned: an object
 * it freed already, a pointer into the middle of one of its objects, a kernel object handed to it,
 * its sections, another driver's memory, the kernel's image or a stack. Heap memory the monitor
 * did not see it get is let through: kernel functions such as {@code kstrdup} allocate for the
 * driver, which then frees the result (the common ones are hooked as allocators, so that an address
 * the driver freed and got back from one of them is its own again, not a second free).
 */
final class FreeChecker {

    private static final int RA = 1, SP = 2, A0 = 10;
    /** kfree ignores NULL and ZERO_SIZE_PTR (16), what kmalloc(0) returns. */
    private static final long ZERO_SIZE_POINTER = 16;
    /** The top 4095 addresses are error codes (ERR_PTR), not objects. */
    private static final long FIRST_ERROR_POINTER = -4095;

    private final Hart hart;
    private final DebugAccess guest;
    private final WriteClassifier classifier;
    private final KernelLayout layout;
    private final CallStacks stacks;
    private final ViolationLog log;
    private final HeapGeometry heap;

    /** What a bad free names: its kind, a description, and the driver's object it concerns, if any. */
    private record Target(ViolationKind kind, String description, Grant object) {
        Target(String description, Grant object) {
            this(ViolationKind.INVALID_FREE, description, object);
        }
    }

    FreeChecker(Hart hart, WriteClassifier classifier, KernelLayout layout, HeapGeometry heap, CallStacks stacks,
            ViolationLog log) {
        this.hart = hart;
        this.guest = hart.debug();
        this.classifier = classifier;
        this.layout = layout;
        this.heap = heap;
        this.stacks = stacks;
        this.log = log;
    }

    /**
     * {@code module} called {@code free} at {@code callSite}, and the hart is at the free's entry:
     * {@link StoreDecision#COMMIT} lets the free run, otherwise the policy's decision about the
     * violation just recorded.
     */
    StoreDecision check(IsolatedModule module, KernelHooks.Free free, Frame callSite) {
        if (free.pointer() == KernelHooks.Result.BULK || free.pointer() == KernelHooks.Result.DMA_ADDRESS) {
            return StoreDecision.COMMIT; // a bulk free only revokes each object; an unmapping frees no memory
        }
        long pointer = pointerPassed(free);
        if (Long.compareUnsigned(pointer, ZERO_SIZE_POINTER) <= 0) {
            return StoreDecision.COMMIT;
        }
        boolean ownAllocation = module.act().startingAt(pointer).filter(g -> g.kind() == Grant.Kind.ALLOCATION)
                .isPresent();
        Optional<Target> target = mismatched(module, free, pointer)
                .or(() -> ownAllocation ? Optional.empty() : notOwned(module, pointer));
        if (target.isEmpty()) {
            return StoreDecision.COMMIT;
        }
        return log.record(id -> violation(id, module, free, pointer, target.get(), callSite));
    }

    /** The object {@code free} is asked to free, as an address (0 if a {@code struct page *} names none). */
    private long pointerPassed(KernelHooks.Free free) {
        long passed = hart.x(A0 + free.pointerArgument());
        if (free.pointer() == KernelHooks.Result.ADDRESS || passed == 0) {
            return passed;
        }
        try {
            return heap.addressOf(passed);
        } catch (MemoryFault e) {
            return 0;
        }
    }

    /**
     * A free of the wrong allocator: of memory the driver got from another family of allocators,
     * into another {@code kmem_cache} than the object's, or of memory that by its place cannot be
     * what the free takes (vmalloc space to a slab free, the direct map to {@code vfree}).
     */
    private Optional<Target> mismatched(IsolatedModule module, KernelHooks.Free free, long pointer) {
        Grant object = module.act().startingAt(pointer).filter(g -> g.kind() == Grant.Kind.ALLOCATION).orElse(null);
        KernelHooks.Family family = module.allocationAt(pointer).map(IsolatedModule.Allocation::family).orElse(null);
        KernelLayout.Region region = layout.regionOf(pointer);
        if (family == KernelHooks.Family.SLAB_OR_VMALLOC) {
            family = region == KernelLayout.Region.DIRECT_MAP ? KernelHooks.Family.SLAB : KernelHooks.Family.VMALLOC;
        }
        if (family != null && !free.frees(family)) {
            return Optional.of(new Target(ViolationKind.MISMATCHED_FREE, String.format("%s of %s, which came from %s",
                    free.function(), object != null ? object.describe() : String.format("0x%x", pointer),
                    family.describe()), object));
        }
        if (free.families().contains(KernelHooks.Family.CACHE)) {
            long cache = heap.cacheOf(pointer);
            long passed = hart.x(A0);
            if (cache != 0 && passed != 0 && cache != passed) {
                return Optional.of(new Target(ViolationKind.MISMATCHED_FREE, String.format(
                        "kmem_cache_free into cache 0x%x of %s, which belongs to cache 0x%x", passed,
                        object != null ? object.describe() : String.format("the object at 0x%x", pointer), cache),
                        object));
            }
        }
        boolean slabFree = free.frees(KernelHooks.Family.SLAB) && !free.frees(KernelHooks.Family.VMALLOC);
        boolean vmallocFree = free.frees(KernelHooks.Family.VMALLOC) && !free.frees(KernelHooks.Family.SLAB);
        if (slabFree && region == KernelLayout.Region.VMALLOC || vmallocFree && region == KernelLayout.Region.DIRECT_MAP) {
            return Optional.of(new Target(ViolationKind.MISMATCHED_FREE, String.format("%s of %s memory at 0x%x",
                    free.function(), region == KernelLayout.Region.VMALLOC ? "vmalloc" : "slab or page", pointer),
                    object));
        }
        if (free.frees(KernelHooks.Family.PAGES) && heap.cacheOf(pointer) != 0) {
            return Optional.of(new Target(ViolationKind.MISMATCHED_FREE, String.format(
                    "%s of slab memory at 0x%x", free.function(), pointer), object));
        }
        return Optional.empty();
    }

    private Optional<Target> notOwned(IsolatedModule module, long pointer) {
        Optional<Grant> freed = module.freedObjectContaining(pointer);
        if (freed.isPresent() && module.act().containing(pointer).isEmpty()) {
            Grant object = freed.get();
            return Optional.of(new Target(object.start() == pointer ? "a second free of " + object.describe()
                    : String.format("offset %d in freed %s", pointer - object.start(), object.describe()), object));
        }
        Optional<Grant> own = module.act().containing(pointer);
        if (own.isPresent()) {
            Grant grant = own.get();
            return Optional.of(new Target(grant.kind() == Grant.Kind.ALLOCATION
                    ? String.format("offset %d in %s, not its start", pointer - grant.start(), grant.describe())
                    : String.format("offset %d in %s, which the driver did not allocate", pointer - grant.start(),
                            grant.describe()), grant.isHeapObject() ? grant : null));
        }
        if (pointer >= 0 || Long.compareUnsigned(pointer, FIRST_ERROR_POINTER) >= 0) {
            return Optional.of(new Target(pointer >= 0 ? "a user-space address, not a kernel object"
                    : "an error code (ERR_PTR(" + pointer + ")), not an object", null));
        }
        if (module.imageContains(pointer)) {
            return Optional.of(new Target("the image of module " + module.name(), null));
        }
        long sp = hart.x(SP);
        WriteClassifier.Hit hit = classifier.classify(module, pointer, sp, sp);
        return switch (hit.kind()) {
            case OTHER_DRIVER -> Optional.of(new Target(hit.target(), null));
            case STACK -> Optional.of(new Target(String.format("the kernel stack at sp%+d", pointer - sp), null));
            case KERNEL_TEXT, KERNEL_RODATA -> Optional.of(new Target("the kernel image: " + hit.target(), null));
            case KERNEL_DATA -> layout.regionOf(pointer) == KernelLayout.Region.DATA
                    ? Optional.of(new Target("the kernel image: " + hit.target(), null)) : Optional.empty();
            default -> Optional.empty();
        };
    }

    private Violation violation(long id, IsolatedModule module, KernelHooks.Free free, long pointer, Target target,
            Frame callSite) {
        long pc = hart.pc();
        byte[] passed = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(pointer).array();
        int size = target.object() != null ? (int) Math.min(target.object().size(), Integer.MAX_VALUE) : 1;
        return new Violation(id, module.name(), pc, "call " + free.function(), pointer, size, passed,
                GuestBytes.read(guest, pointer, Long.BYTES), target.kind(), target.description(),
                target.object(), stacks.of(module, pc, hart.x(RA), callSite), callSite, log.verdict());
    }
}
