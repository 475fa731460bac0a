package org.chariot.emulator.monitor;

import java.util.List;
import java.util.Optional;
import org.chariot.emulator.symbols.KernelSymbols;
import org.chariot.emulator.symbols.SymbolOffset;

/** Says what an illegal write hit: the violation's kind, its target and the nearest object of the driver. */
final class WriteClassifier {

    /** What a write hit. */
    record Hit(ViolationKind kind, String target, Grant nearestObject) {
    }

    /** Kernel stacks on 64-bit RISC-V without KASAN: THREAD_SIZE_ORDER 2 (arch/riscv/include/asm/thread_info.h). */
    static final long THREAD_SIZE = 4 * AccessControlTable.PAGE_SIZE;
    /** A write this close to one of the driver's objects is taken for an overrun of that object. */
    private static final long NEAR = AccessControlTable.PAGE_SIZE;

    private final KernelSymbols kernel;
    private final KernelLayout layout;
    private final List<IsolatedModule> modules;

    WriteClassifier(KernelSymbols kernel, KernelLayout layout, List<IsolatedModule> modules) {
        this.kernel = kernel;
        this.layout = layout;
        this.modules = modules;
    }

    /** @param entrySp the stack pointer the kernel entered the driver with: its own frames lie below */
    Hit classify(IsolatedModule module, long address, long sp, long entrySp) {
        Optional<Grant> freed = module.freedObjectContaining(address);
        if (freed.isPresent()) {
            return new Hit(ViolationKind.USE_AFTER_FREE, String.format("offset %d in freed %s", address
                    - freed.get().start(), freed.get().describe()), freed.get());
        }
        for (IsolatedModule other : modules) {
            if (other != module && (other.imageContains(address) || other.act().containing(address).isPresent())) {
                return new Hit(ViolationKind.OTHER_DRIVER, "memory of module " + other.name() + other.act()
                        .containing(address).map(g -> ": " + g.describe()).orElse(""), null);
            }
        }
        long stackBase = sp & -THREAD_SIZE;
        if (Long.compareUnsigned(address - stackBase, THREAD_SIZE) < 0) {
            return new Hit(ViolationKind.STACK, String.format("kernel stack at sp%+d, %s", address - sp,
                    Long.compareUnsigned(address, entrySp) < 0 ? "a saved return address in the driver's own frame"
                            : "a frame of the driver's caller"), null);
        }
        Optional<Grant> near = nearObject(module, address);
        if (near.isPresent()) {
            return overrun(near.get(), address);
        }
        return kernelMemory(address);
    }

    /** A write at {@code address}, outside {@code object}: past its end or before its start. */
    Hit overrun(Grant object, long address) {
        boolean over = Long.compareUnsigned(address, object.end()) >= 0;
        return new Hit(over ? ViolationKind.HEAP_OVERFLOW : ViolationKind.HEAP_UNDERFLOW, String.format(
                "%d bytes %s %s", over ? address - object.end() : object.start() - address,
                over ? "past the end of" : "before the start of", object.describe()), object);
    }

    /** A store to the user half that would fault: a NULL pointer (plus an offset) or a user address. */
    Hit userAddress(long address, boolean nullPointer) {
        return nullPointer ? new Hit(ViolationKind.NULL_POINTER, String.format("NULL%+d: no memory there", address), null)
                : new Hit(ViolationKind.USER_MEMORY, String.format(
                        "user memory at 0x%x, written outside the uaccess routines (copy_to_user, put_user)", address),
                        null);
    }

    /**
     * A kernel address the store would fault on (no mapping, or read-only): the module's own
     * read-only sections, a guard page past one of its objects, the kernel's image, or nothing.
     */
    Hit unwritable(IsolatedModule module, long address, long sp, long entrySp) {
        Optional<ModuleSection> section = module.sectionAt(address);
        if (section.isPresent()) {
            String where = String.format("%s+0x%x of module %s, read-only", section.get().name(),
                    address - section.get().address(), module.name());
            return new Hit(module.isCode(section.get().name()) ? ViolationKind.MODULE_TEXT : ViolationKind.MODULE_RODATA,
                    where, null);
        }
        Hit hit = classify(module, address, sp, entrySp);
        if (hit.kind() == ViolationKind.KERNEL_DATA && layout.regionOf(address) != KernelLayout.Region.DATA) {
            return new Hit(ViolationKind.UNMAPPED, String.format("0x%x: no kernel memory is mapped there", address), null);
        }
        return hit;
    }

    /** Kernel memory that is neither the driver's nor near its objects: the kernel's own, where it lies. */
    Hit kernelMemory(long address) {
        KernelLayout.Place place = layout.placeOf(address);
        return switch (place.region()) {
            case TEXT -> new Hit(ViolationKind.KERNEL_TEXT, inImage(place, address), null);
            case RODATA -> new Hit(ViolationKind.KERNEL_RODATA, inImage(place, address), null);
            case DATA -> new Hit(ViolationKind.KERNEL_DATA, inImage(place, address), null);
            case DIRECT_MAP -> new Hit(ViolationKind.KERNEL_DATA, String.format(
                    "kernel memory at 0x%x in the direct map of RAM (the kernel's heap and pages), not the driver's",
                    address), null);
            case VMALLOC -> new Hit(ViolationKind.KERNEL_DATA, String.format(
                    "kernel memory at 0x%x in vmalloc space, not the driver's", address), null);
            case OTHER -> new Hit(ViolationKind.KERNEL_DATA, String.format(
                    "kernel memory at 0x%x outside the image and the direct map (module space), not the driver's",
                    address), null);
        };
    }

    /** The kernel symbol at {@code place}, and the alias {@code address} if the write went through the direct map. */
    private String inImage(KernelLayout.Place place, long address) {
        long image = place.imageAddress();
        String symbol = kernel.symbolAt(image).map(SymbolOffset::shortForm).orElse(String.format("0x%x", image));
        return image == address ? symbol : String.format("%s, through its alias 0x%x in the direct map", symbol, address);
    }

    private static Optional<Grant> nearObject(IsolatedModule module, long address) {
        return module.act().nearest(address).filter(Grant::isHeapObject)
                .filter(g -> Long.compareUnsigned(address - g.end(), NEAR) < 0
                        || Long.compareUnsigned(g.start() - address - 1, NEAR) < 0);
    }
}
