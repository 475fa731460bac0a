package org.chariot.emulator.monitor;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.chariot.emulator.cpu.DebugAccess;
import org.chariot.emulator.cpu.Decoded;
import org.chariot.emulator.cpu.Hart;
import org.chariot.emulator.mmu.MemoryFault;
import org.chariot.emulator.mmu.Mmu;
import org.chariot.emulator.mmu.StoreDecision;
import org.chariot.emulator.mmu.StoreObserver;
import org.chariot.emulator.symbols.KernelSymbols;

/**
 * The write check, as the MMU's store observer, by who runs ({@link DriverContext.Mode}): the
 * driver's own stores to kernel pages its ACT does not wholly grant must be granted, in its own
 * stack frames, or to its device; a helper's stores from the driver's pointer on are checked the
 * same way; any kernel code working for the driver must not write the guards around the driver's
 * objects, a live saved return address in its frames, or the kernel's text and rodata. A store that
 * is about to fault (NULL, user memory outside uaccess, unmapped or read-only kernel memory) is
 * judged before the fault, unless the kernel fixes that fault up itself. Other stores never reach it.
 */
final class StoreChecker implements StoreObserver {

    private static final int RA = 1, SP = 2, TP = 4;
    /** A helper's writes this far from the driver's pointer are the driver's. */
    private static final long DESTINATION_WINDOW = 1 << 20;
    /** Below this, an address is a NULL pointer plus a field offset. */
    private static final long NULL_PAGES = 64 * 1024;

    private final Hart hart;
    private final DebugAccess guest;
    private final Mmu mmu;
    private final DriverContext context;
    private final WriteClassifier classifier;
    private final KernelLayout layout;
    private final AccessViolations violations;
    private final SavedRegisters saved;
    private final ViolationLog log;
    private final DmaChecker devices;
    private final long referenceTable, exceptionTableStart, exceptionTableEnd;
    /**
     * Where {@code current->flags} and {@code current->__state} lie in the running task ({@code tp}),
     * -1 where the kit does not say.
     */
    private final long taskFlags, taskState;
    private long referenceTablePhysical = -1;
    /**
     * Once kernel code working for the driver wrote a guard, the rest of that overrun: until the
     * call ends, its writes in the page past the guard are the overrun going on, not its own.
     */
    private CallTree.KernelCall breachingCall;
    private AccessControlTable.Guard breached;
    private ExceptionTable kernelExceptions;
    /** Whether the register store at a pc of the driver's prologues saves its caller's value (see savesCallersValue). */
    private final Map<Long, Boolean> callersValueSaves = new HashMap<>();

    StoreChecker(Hart hart, DriverContext context, WriteClassifier classifier, KernelLayout layout,
            KernelSymbols kernel, KitOffsets offsets, AccessViolations violations, SavedRegisters saved, ViolationLog log,
            DmaChecker devices) {
        this.hart = hart;
        this.guest = hart.debug();
        this.mmu = hart.mmu();
        this.context = context;
        this.classifier = classifier;
        this.layout = layout;
        this.violations = violations;
        this.saved = saved;
        this.log = log;
        this.devices = devices;
        this.referenceTable = symbol(kernel, "swapper_pg_dir");
        this.exceptionTableStart = symbol(kernel, "__start___ex_table");
        this.exceptionTableEnd = symbol(kernel, "__stop___ex_table");
        this.taskFlags = offsets.get("task_struct.flags").orElse(-1);
        this.taskState = offsets.get("task_struct.__state").orElse(-1);
    }

    private static long symbol(KernelSymbols kernel, String name) {
        return kernel.address(name).orElseThrow(() -> new IllegalArgumentException(
                "the kernel's System.map has no '" + name + "': give the System.map of the Chariot guest kit"));
    }

    @Override
    public boolean interested(long virtualPage, long physicalPage) {
        IsolatedModule module = context.module();
        return switch (context.mode()) {
            case KERNEL -> false;
            case DRIVER, HELPER -> isKernelAddress(virtualPage)
                    && module.act().pageAccess(virtualPage) != AccessControlTable.PageAccess.ALL;
            case ON_BEHALF -> module.act().guardsPage(virtualPage) || saved.onPage(virtualPage)
                    || layout.isReadOnlyImage(virtualPage) || inBreach(virtualPage, (int) AccessControlTable.PAGE_SIZE);
        };
    }

    /** Kernel addresses are the upper half of Sv39; the lower half is user memory, which uaccess code writes. */
    private static boolean isKernelAddress(long address) {
        return address < 0;
    }

    @Override
    public StoreDecision beforeStore(long virtualAddress, long physicalAddress, int size, long value) {
        return switch (context.mode()) {
            case KERNEL -> StoreDecision.COMMIT;
            case DRIVER -> asDriver(virtualAddress, physicalAddress, size, value);
            case HELPER -> inDestination(virtualAddress) ? asDriver(virtualAddress, physicalAddress, size, value)
                    : onBehalf(virtualAddress, size, value, context.call().sp());
            case ON_BEHALF -> onBehalf(virtualAddress, size, value, context.call().sp());
        };
    }

    /** Whether a helper's store at {@code address} is one through the driver's pointer. */
    private boolean inDestination(long address) {
        long destination = context.call().destination();
        return destination == 0 || Long.compareUnsigned(address - destination, DESTINATION_WINDOW) < 0;
    }

    /**
     * A store as the driver's own: granted, its own frames but a live saved return address, or its
     * device (whose DMA it then programmed).
     */
    private StoreDecision asDriver(long address, long physical, int size, long value) {
        if (!isKernelAddress(address)) {
            return StoreDecision.COMMIT;
        }
        IsolatedModule module = context.module();
        if (inOwnFrames(address, size) ? !smashesSavedRegister(address, size, value)
                : module.act().allows(address, size) || isRunningTasksOwn(address, size)) {
            return StoreDecision.COMMIT;
        }
        if (isDeviceMemory(address)) {
            devices.programmed(module, physical, hart.pc(), hart.x(RA));
            return StoreDecision.COMMIT;
        }
        CallTree.Activation activation = context.activation();
        if (activation != null && activation.nearStackArgument(address, size)) {
            return StoreDecision.COMMIT;
        }
        if (context.mode() == DriverContext.Mode.DRIVER && module.isInlinedKernelCode(hart.pc())) {
            return onBehalf(address, size, value, hart.x(SP));
        }
        return log.record(id -> violation(id, module, address, size, value, classifier.classify(module, address,
                hart.x(SP), entrySp())));
    }

    /**
     * A store of kernel code working for the driver, whose own stack pointer is {@code driverSp}:
     * the kernel's own business, but for what nobody may write.
     */
    private StoreDecision onBehalf(long address, int size, long value, long driverSp) {
        IsolatedModule module = context.module();
        var guard = module.act().guardAt(address, size);
        WriteClassifier.Hit hit;
        if (guard.isPresent()) {
            hit = classifier.overrun(guard.get().object(), address);
            if (breachingCall != context.call()) {
                breachingCall = context.call();
                breached = guard.get();
                mmu.flushPage(breached.end());
            }
        } else if (breachingCall == context.call() && inBreach(address, size)) {
            hit = classifier.overrun(breached.object(), address);
        } else if (saved.overwrites(address, size, driverSp)) {
            hit = classifier.classify(module, address, hart.x(SP), entrySp());
        } else if (layout.isReadOnlyImage(address)) {
            hit = classifier.kernelMemory(address);
        } else {
            return StoreDecision.COMMIT;
        }
        WriteClassifier.Hit found = hit;
        return log.record(id -> violation(id, module, address, size, value, found));
    }

    /**
     * Whether {@code [address, address + size)} goes on from the guard an ongoing overrun crossed:
     * to the end of the next page past an object, or down to the page start before it.
     */
    private boolean inBreach(long address, int size) {
        if (breachingCall == null || breachingCall != context.call()) {
            return false;
        }
        boolean past = Long.compareUnsigned(breached.start(), breached.object().start()) >= 0;
        long from = past ? breached.start() : breached.start() & -AccessControlTable.PAGE_SIZE;
        long to = past ? (breached.end() + AccessControlTable.PAGE_SIZE) & -AccessControlTable.PAGE_SIZE
                : breached.end();
        return Long.compareUnsigned(address + size, from) > 0 && Long.compareUnsigned(address, to) < 0;
    }

    @Override
    public StoreDecision beforeFaultingStore(long virtualAddress, int size, long value, MemoryFault fault) {
        DriverContext.Mode mode = context.mode();
        if (mode == DriverContext.Mode.KERNEL) {
            return StoreDecision.COMMIT;
        }
        IsolatedModule module = context.module();
        long pc = hart.pc();
        boolean fixedUp = mode == DriverContext.Mode.DRIVER ? module.fixesUp(pc) : kernelExceptions().covers(pc);
        if (fixedUp || isKernelAddress(virtualAddress) && kernelMapsForWrite(virtualAddress)) {
            return StoreDecision.COMMIT;
        }
        WriteClassifier.Hit hit = !isKernelAddress(virtualAddress)
                ? classifier.userAddress(virtualAddress, virtualAddress < NULL_PAGES)
                : classifier.unwritable(module, virtualAddress, hart.x(SP), entrySp());
        return log.record(id -> violation(id, module, virtualAddress, size, value, hit));
    }

    /** Whether the kernel's reference page table maps {@code address} writable: the fault only syncs a vmalloc mapping. */
    private boolean kernelMapsForWrite(long address) {
        if (referenceTablePhysical == -1) {
            try {
                referenceTablePhysical = mmu.debugTranslate(referenceTable);
            } catch (MemoryFault e) {
                return false;
            }
        }
        return mmu.supervisorWritable(referenceTablePhysical, address);
    }

    private ExceptionTable kernelExceptions() {
        if (kernelExceptions == null) {
            kernelExceptions = ExceptionTable.read(guest, exceptionTableStart, exceptionTableEnd);
        }
        return kernelExceptions;
    }

    /**
     * A store to the driver's own frames: records a prologue's save of a register its caller keeps
     * (ra, s0-s11), or says it overwrites a live one.
     */
    private boolean smashesSavedRegister(long address, int size, long value) {
        long sp = hart.x(SP);
        saved.returnedBelow(sp);
        long pc = hart.pc();
        int register = size == Long.BYTES ? AccessDisassembler.savedRegister(GuestBytes.instructionAt(guest, pc)) : -1;
        if (register >= 0 && value == hart.x(register) && (register == RA || saved.slotOfFrame(address, sp)
                || context.module().inPrologue(pc) && savesCallersValue(register, pc))) {
            if (saved.saved(address, sp)) {
                mmu.flushPage(address);
            }
            return false;
        }
        return saved.overwrites(address, size, sp);
    }

    /**
     * Whether the store at {@code pc} of {@code register} saves the caller's value: nothing in its
     * function wrote the register before it. A prologue saves the registers a callee keeps before
     * using them; a store of one after the function set it initialises a local (an {@code XA_STATE}
     * taking its index from s0), and is no save. Without the function's start, the store counts as a save.
     */
    private boolean savesCallersValue(int register, long pc) {
        return callersValueSaves.computeIfAbsent(pc, at -> {
            long start = context.module().functionStart(at);
            for (long address = start; start != -1 && Long.compareUnsigned(address, at) < 0; ) {
                Decoded instruction = Decoded.of(GuestBytes.instructionAt(guest, address));
                if (instruction.opcode().writesRegister() && instruction.rd() == register) {
                    return false;
                }
                address += instruction.length();
            }
            return true;
        });
    }

    /**
     * Device registers (the driver's ioremapped MMIO): keeping a driver to its own device is an
     * IOMMU's job, not the ACT's. The debugger's reads refuse exactly what is not RAM.
     */
    private boolean isDeviceMemory(long address) {
        try {
            guest.readMemory(address, 1);
            return false;
        } catch (MemoryFault e) {
            return true;
        }
    }

    /**
     * The running task's {@code flags} and {@code __state}: code sets them for the task it runs on
     * through inline helpers ({@code memalloc_noio_save()} and {@code current_restore_flags()}: loop's
     * worker; {@code set_current_state()} before {@code schedule()}: any kthread's wait loop).
     */
    private boolean isRunningTasksOwn(long address, int size) {
        long task = hart.x(TP);
        return size == Integer.BYTES && (taskFlags >= 0 && address == task + taskFlags
                || taskState >= 0 && address == task + taskState);
    }

    /** The driver's own frames: below the stack pointer it was entered with, on the same kernel stack. */
    private boolean inOwnFrames(long address, int size) {
        long entrySp = entrySp();
        long stackBase = (entrySp - 1) & -WriteClassifier.THREAD_SIZE;
        return Long.compareUnsigned(address, stackBase) >= 0 && Long.compareUnsigned(address + size, entrySp) <= 0;
    }

    private long entrySp() {
        CallTree.Activation activation = context.activation();
        return activation != null ? activation.sp() : hart.x(SP);
    }

    private Violation violation(long id, IsolatedModule module, long address, int size, long value,
            WriteClassifier.Hit hit) {
        byte[] written = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(value).array();
        return violations.of(id, module, address, size, Arrays.copyOf(written, size),
                GuestBytes.read(guest, address, size), hit, log.verdict());
    }
}
