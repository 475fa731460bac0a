package org.chariot.emulator.monitor;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.LongBuffer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import org.chariot.emulator.cpu.DebugAccess;
import org.chariot.emulator.cpu.Hart;
import org.chariot.emulator.guest.LoadedModules;
import org.chariot.emulator.mmu.FetchObserver;
import org.chariot.emulator.mmu.MemoryFault;
import org.chariot.emulator.mmu.Mmu;
import org.chariot.emulator.mmu.StoreDecision;
import org.chariot.emulator.mmu.StoreHalted;

/**
 * Follows execution through the fetches the MMU shows it (the isolated modules' code, the hooked
 * kernel functions, the trap vector and the return from traps, and the return point of the kernel
 * call that runs for a driver): module load and free, what the drivers and the kernel code working
 * for them allocate and free, and on each task's stack who runs for whom ({@link CallTree}), which
 * sets the {@link DriverContext} the write checks read.
 */
final class ExecutionTracker implements FetchObserver {
    private static final int RA = 1, SP = 2, TP = 4, A0 = 10;
    private static final int CSR_STVEC = 0x105, CSR_SEPC = 0x141;
    /** Longer strings from a string allocator are not believed: the driver gets nothing. */
    private static final int MAX_STRING = 1 << 16;
    /** What {@code dma_map_*} returns when it could not map ({@code DMA_MAPPING_ERROR}, all ones). */
    private static final long DMA_MAPPING_ERROR = -1L;
    /** More objects from one bulk call are not believed. */
    private static final long MAX_BULK = 1 << 16;
    /** {@code c.jr ra}: executed in place of a free that the policy blocks, it returns to the driver at once. */
    private static final int RETURN = 0x8082;
    private static final int SRET = 0x10200073;
    private static final int ARGUMENTS = 8;
    /** Tasks remembered at most; a task that ran a driver and exited leaves a tree behind. */
    private static final int MAX_TASKS = 4096;
    static final int KERNEL_VIEW = 0, DRIVER_VIEW = 1, ON_BEHALF_VIEW = 2;

    private final Hart hart;
    private final DebugAccess guest;
    private final Mmu mmu;
    private final List<IsolatedModule> modules;
    private final KernelHooks hooks;
    private final LoadedModules moduleReader;
    private final ObjectRules rules;
    private final FreeChecker frees;
    private final HeapGeometry heap;
    private final SavedRegisters saved;
    private final MonitorEvents events;
    private final DriverContext context;

    private final Map<Long, CallTree> trees = new HashMap<>();
    private long currentTask;
    private CallTree tree;
    /** The isolated module whose code the last observed fetch came from, or null. */
    private IsolatedModule inModule;
    /** The last observed instruction was an {@code sret}: this fetch is where a trap returned to. */
    private boolean afterTrapReturn;
    private boolean watchingFrees;
    private boolean anyLoaded;
    private long watchedReturnPage = -1;
    private IsolatedModule viewOwner;
    /** A module came or went: the checks must be set again even if no record changed. */
    private boolean checksStale = true;
    private int view = KERNEL_VIEW;

    ExecutionTracker(Hart hart, List<IsolatedModule> modules, KernelHooks hooks, LoadedModules moduleReader,
            ObjectRules rules, FreeChecker frees, HeapGeometry heap, SavedRegisters saved, DriverContext context,
            MonitorEvents events) {
        this.hart = hart;
        this.guest = hart.debug();
        this.mmu = hart.mmu();
        this.modules = modules;
        this.hooks = hooks;
        this.moduleReader = moduleReader;
        this.rules = rules;
        this.frees = frees;
        this.heap = heap;
        this.saved = saved;
        this.context = context;
        this.events = events;
    }

    // ---- which fetches must be seen

    @Override
    public boolean interested(long virtualPage, long physicalPage) {
        return virtualPage == watchedReturnPage || hooks.watches(virtualPage, watchingFrees, anyLoaded)
                || anyLoaded && (virtualPage == (trapVector() & -AccessControlTable.PAGE_SIZE)
                        || virtualPage == (hooks.trapReturn() & -AccessControlTable.PAGE_SIZE));
    }

    /** Each module's code is a region: only control entering or leaving it is seen, not each instruction. */
    @Override
    public int region(long virtualPage) {
        for (int i = 0; i < modules.size(); i++) {
            if (modules.get(i).textOnPage(virtualPage)) {
                return Math.min(i + 1, Mmu.FETCH_REGIONS);
            }
        }
        return 0;
    }

    @Override
    public int onFetch(long pc, int instruction) {
        CallTree before = tree;
        CallTree.Record top = tree == null ? null : tree.top();
        selectTask();
        IsolatedModule module = moduleAt(pc);
        boolean refused = false;
        if (module != inModule) {
            if (inModule != null) {
                refused = leftDriver(inModule, pc);
            }
            if (module != null) {
                enteredDriver(module, pc);
            } else if (!refused && pc != trapVector()) {
                hookAt(pc);
            }
            inModule = module;
        } else if (module == null) {
            kernelFetch(pc);
        }
        afterTrapReturn = instruction == SRET;
        if (tree != before || tree.top() != top || checksStale) {
            checksStale = false;
            updateChecks();
        }
        return refused ? RETURN : instruction;
    }

    /** The running task's tree: {@code tp} holds the task in kernel mode. */
    private void selectTask() {
        long task = hart.x(TP);
        if (tree == null || task != currentTask) {
            currentTask = task;
            tree = trees.get(task);
            if (tree == null) {
                if (trees.size() == MAX_TASKS) {
                    trees.values().removeIf(CallTree::isEmpty);
                }
                tree = new CallTree();
                trees.put(task, tree);
            }
        }
    }

    private IsolatedModule moduleAt(long pc) {
        for (IsolatedModule module : modules) {
            if (module.textContains(pc)) {
                return module;
            }
        }
        return null;
    }

    // ---- crossings between the drivers and the kernel

    private void enteredDriver(IsolatedModule module, long pc) {
        long sp = hart.x(SP);
        List<CallTree.Record> ended = tree.returnTo(pc, sp, afterTrapReturn);
        for (CallTree.Record record : ended) {
            if (record instanceof CallTree.KernelCall call && call.allocation() != null) {
                allocated(call.module(), call.allocation(), hart.x(A0));
            }
        }
        if (ended.isEmpty() || !(tree.top() instanceof CallTree.Activation active) || active.module() != module) {
            // an object the driver owns already (a request's pdu in the pages its tag set allocated) keeps
            // that grant: granting it again would replace the larger one, and the call's end revoke the rest
            List<Grant> grants = rules.grantsOnEntry(pc, guest, heap).stream()
                    .filter(g -> !module.act().allows(g.start(), (int) Math.min(g.size(), Integer.MAX_VALUE)))
                    .toList();
            grants.forEach(module.act()::grant);
            tree.push(new CallTree.Activation(module, sp, hart.x(RA), grants, stackArguments(sp)));
        }
    }

    /** The argument registers that point into the kernel's frames above {@code sp}, on its stack. */
    private long[] stackArguments(long sp) {
        long top = ((sp - 1) & -WriteClassifier.THREAD_SIZE) + WriteClassifier.THREAD_SIZE;
        return LongStream.range(0, ARGUMENTS).map(i -> hart.x(A0 + (int) i))
                .filter(a -> Long.compareUnsigned(a, sp) >= 0 && Long.compareUnsigned(a, top) < 0).toArray();
    }

    /**
     * Control left {@code module}'s code for {@code pc}; returns true if that is a call of a free
     * that the policy refuses (a return runs in its place).
     */
    private boolean leftDriver(IsolatedModule module, long pc) {
        if (pc == trapVector()) {
            long interrupted = hart.csr(CSR_SEPC);
            long sp = hart.x(SP);
            if (moduleAt(interrupted) != module) {
                // the driver's jump had happened when the trap came: the call, tail call or return comes first
                if (exit(module, interrupted) == StoreDecision.DROP) {
                    interrupted = hart.x(RA);
                    hart.setCsr(CSR_SEPC, interrupted);
                }
            }
            tree.push(new CallTree.Trap(interrupted, sp));
            return false;
        }
        return exit(module, pc) == StoreDecision.DROP;
    }

    /** The driver's code at its top activation jumps to {@code target}: a return, a call or a tail call. */
    private StoreDecision exit(IsolatedModule module, long target) {
        long ra = hart.x(RA);
        long sp = hart.x(SP);
        if (!(tree.top() instanceof CallTree.Activation activation) || activation.module() != module) {
            return StoreDecision.COMMIT;
        }
        if (target == activation.returnPc() && sp == activation.sp()) {
            endActivation();
            return StoreDecision.COMMIT;
        }
        KernelHooks.Hook hook = hooks.at(target);
        long callPc;
        long returnPc;
        long callSp;
        if (module.textContains(ra)) {
            // a call, or a tail call from a function the driver called: blame the jump that left the driver
            long jump = hart.previousPc();
            callPc = module.textContains(jump) && jump != ra - 4 && jump != ra - 2 ? jump : ra - 1;
            returnPc = ra;
            callSp = sp;
        } else if (sp == activation.sp()) {
            callPc = hart.previousPc();
            returnPc = activation.returnPc();
            callSp = activation.sp();
            endActivation();
        } else {
            endActivation();
            return StoreDecision.COMMIT;
        }
        Frame callSite = module.driverLine(callPc);
        saved.returnedBelow(callSp);
        tree.push(callFor(module, hook, returnPc, callSp, callSite));
        return hook instanceof KernelHooks.Free free ? refusal(frees.check(module, free, callSite), free)
                : StoreDecision.COMMIT;
    }

    private void endActivation() {
        CallTree.Activation ended = (CallTree.Activation) tree.pop();
        ended.ruleGrants().forEach(g -> ended.module().act().revoke(g.start(), g.end()));
        saved.returnedBelow(ended.sp());
    }

    /** The record of kernel code that {@code hook}'s function (or an unhooked one if null) runs for {@code module}. */
    private CallTree.KernelCall callFor(IsolatedModule module, KernelHooks.Hook hook, long returnPc, long sp,
            Frame callSite) {
        return switch (hook) {
            case KernelHooks.Allocator allocator -> new CallTree.KernelCall(module, returnPc, sp, callSite,
                    CallTree.Role.ALLOCATOR, pending(allocator, callSite), 0);
            case KernelHooks.Free free -> new CallTree.KernelCall(module, returnPc, sp, callSite,
                    CallTree.Role.ALLOCATOR, null, 0);
            case KernelHooks.ReturnsObject returns -> new CallTree.KernelCall(module, returnPc, sp, callSite,
                    CallTree.Role.ON_BEHALF, new CallTree.PendingAllocation(returns.rule().name() + ": "
                            + returns.rule().function(), returns.rule().sizeOnEntry(guest), callSite,
                            Grant.Kind.RETURNED, KernelHooks.Result.ADDRESS, null, 0, 0), 0);
            case KernelHooks.Helper helper -> new CallTree.KernelCall(module, returnPc, sp, callSite,
                    CallTree.Role.WRITES_FOR_DRIVER, null, helper.destinationArgument() == KernelHooks.Helper.EVERYWHERE
                            ? 0 : hart.x(A0 + helper.destinationArgument()));
            case null, default -> new CallTree.KernelCall(module, returnPc, sp, callSite, CallTree.Role.ON_BEHALF,
                    null, 0);
        };
    }

    private CallTree.PendingAllocation pending(KernelHooks.Allocator allocator, Frame site) {
        long cache = allocator.family() == KernelHooks.Family.CACHE ? hart.x(A0) : 0;
        return new CallTree.PendingAllocation(allocator.function(), allocator.size() == null
                ? CallTree.PendingAllocation.STRING : allocator.size().valueOrZero(guest), site,
                Grant.Kind.ALLOCATION, allocator.result(), allocator.family(), cache,
                allocator.result() == KernelHooks.Result.BULK ? hart.x(A0 + 3) : 0);
    }

    /**
     * True-ish if the free must not run: DROP under block; under halt the hart stops before it,
     * the driver already left (a debugger that continues lets the free run as the kernel).
     */
    private StoreDecision refusal(StoreDecision decision, KernelHooks.Free free) {
        if (decision == StoreDecision.HALT) {
            throw new StoreHalted(hart.x(A0 + free.pointerArgument()));
        }
        return decision;
    }

    // ---- kernel code on watched pages

    private void kernelFetch(long pc) {
        long sp = hart.x(SP);
        CallTree.Record top = tree.top();
        if (top instanceof CallTree.Trap trap && afterTrapReturn && sp == trap.sp()) {
            tree.pop();
            top = tree.top();
        }
        if (top instanceof CallTree.KernelCall call && pc == call.returnPc() && sp == call.sp()) {
            tree.pop();
            if (call.allocation() != null) {
                allocated(call.module(), call.allocation(), hart.x(A0));
            }
        }
        if (pc == trapVector()) {
            if (!tree.isEmpty()) {
                tree.push(new CallTree.Trap(hart.csr(CSR_SEPC), sp));
            }
        } else {
            hookAt(pc);
        }
    }

    private void hookAt(long pc) {
        switch (hooks.at(pc)) {
            case null -> { }
            case KernelHooks.ModuleLoad load -> moduleLoading(hart.x(A0));
            case KernelHooks.ModuleFree free -> moduleFreed(hart.x(A0));
            case KernelHooks.ModuleMemoryFree free -> moduleMemoryFreed(hart.x(A0));
            case KernelHooks.Free free when free.pointer() == KernelHooks.Result.DMA_ADDRESS -> {
                dmaUnmapped(hart.x(A0 + free.pointerArgument()));
                allocatorCalled(null);
            }
            case KernelHooks.Free free when free.pointer() == KernelHooks.Result.BULK -> {
                for (long object : bulk(hart.x(A0 + free.pointerArgument()), hart.x(A0 + 1))) {
                    freed(object, Grant.Kind.ALLOCATION);
                }
                allocatorCalled(null);
            }
            case KernelHooks.Free free -> {
                freed(pointerOf(hart.x(A0 + free.pointerArgument()), free.pointer()), Grant.Kind.ALLOCATION);
                allocatorCalled(null);
            }
            case KernelHooks.Release release -> freed(hart.x(A0), Grant.Kind.RETURNED);
            case KernelHooks.Allocator allocator -> allocatorCalled(allocator);
            case KernelHooks.TaskSwitch change -> { } // the next task's first observed fetch selects its tree
            case KernelHooks.ReturnsObject returns -> { } // seen when the driver calls it, in exit()
            case KernelHooks.Helper helper -> { } // idem
        }
    }

    /**
     * Kernel code working for a driver calls an allocator (what it returns is the driver's too) or a
     * free (null): their own bookkeeping is not checked until they return.
     */
    private void allocatorCalled(KernelHooks.Allocator allocator) {
        if (tree.top() instanceof CallTree.KernelCall call && call.role() != CallTree.Role.ALLOCATOR) {
            tree.push(new CallTree.KernelCall(call.module(), hart.x(RA), hart.x(SP), call.callSite(),
                    CallTree.Role.ALLOCATOR, allocator == null ? null : pending(allocator, call.callSite()), 0));
        }
    }

    private long pointerOf(long value, KernelHooks.Result result) {
        if (result == KernelHooks.Result.ADDRESS || value == 0) {
            return value;
        }
        try {
            return heap.addressOf(value);
        } catch (MemoryFault e) {
            return 0;
        }
    }

    private void moduleLoading(long structModule) {
        LoadedModules.Module loaded;
        try {
            loaded = moduleReader.read(guest::readMemory, structModule);
        } catch (MemoryFault | RuntimeException e) {
            throw new IllegalStateException("do_init_module's struct module at 0x" + Long.toHexString(structModule)
                    + " cannot be read (" + e.getMessage() + "): the kit's offsets do not match its kernel", e);
        }
        for (IsolatedModule module : modules) {
            if (module.name().equals(loaded.name())) {
                module.loaded(loaded, guest);
                anyLoaded = true;
                checksStale = true;
                mmu.fetchObserverChanged();
                checksChanged();
                events.moduleLoaded(module.name(), module.sections());
            }
        }
    }

    private void moduleFreed(long structModule) {
        for (IsolatedModule module : modules) {
            if (module.isLoaded() && module.structModule() == structModule) {
                trees.values().forEach(t -> t.forget(module));
                module.unloaded();
                anyLoaded = modules.stream().anyMatch(IsolatedModule::isLoaded);
                checksStale = true;
                mmu.fetchObserverChanged();
                checksChanged();
                events.moduleUnloaded(module.name());
            }
        }
        updateFreeWatch();
    }

    private void moduleMemoryFreed(long region) {
        for (IsolatedModule module : modules) {
            if (module.initFreed(region)) {
                mmu.fetchObserverChanged();
                checksChanged();
            }
        }
    }

    /** The {@code count} object addresses in the array at {@code array}; none if it cannot be read. */
    private long[] bulk(long array, long count) {
        if (count <= 0 || count > MAX_BULK) {
            return new long[0];
        }
        try {
            LongBuffer pointers = ByteBuffer.wrap(guest.readMemory(array, (int) count * Long.BYTES))
                    .order(ByteOrder.LITTLE_ENDIAN).asLongBuffer();
            long[] objects = new long[(int) count];
            pointers.get(objects);
            return objects;
        } catch (MemoryFault e) {
            return new long[0];
        }
    }

    private void allocated(IsolatedModule module, CallTree.PendingAllocation allocation, long value) {
        if (allocation.result() == KernelHooks.Result.BULK) {
            for (long object : bulk(allocation.array(), value)) {
                allocated(module, new CallTree.PendingAllocation(allocation.label(), allocation.size(),
                        allocation.site(), allocation.kind(), KernelHooks.Result.ADDRESS, allocation.family(),
                        allocation.cache(), 0), object);
            }
            return;
        }
        if (allocation.result() == KernelHooks.Result.DMA_ADDRESS) {
            if (value != DMA_MAPPING_ERROR && allocation.size() > 0) {
                module.dmaMapped(new DmaMapping(value, value + allocation.size(), allocation.site(), null));
            }
            return;
        }
        long pointer = pointerOf(value, allocation.result());
        boolean failed = pointer == 0 || Long.compareUnsigned(pointer, -4095L) >= 0;
        long size = failed ? 0 : allocation.size() == CallTree.PendingAllocation.STRING ? stringSize(pointer)
                : allocation.size();
        if (size > 0 && Long.compareUnsigned(pointer, pointer + size) < 0) {
            Grant grant = new Grant(pointer, pointer + size, allocation.kind(), allocation.label() + "(" + size + ")",
                    allocation.site());
            if (allocation.kind() == Grant.Kind.ALLOCATION) {
                long[][] guards = allocation.family() == KernelHooks.Family.PERCPU ? new long[0][]
                        : heap.guardsOf(pointer, size);
                module.allocated(grant, guards, new IsolatedModule.Allocation(allocation.family(), allocation.cache()));
                if (allocation.family() == KernelHooks.Family.DMA) {
                    coherentlyMapped(module, grant);
                }
                if (allocation.family() == KernelHooks.Family.PAGES) {
                    grantPageFields(module, grant);
                }
            } else {
                module.act().grant(grant);
            }
            checksChanged();
            updateFreeWatch();
        }
    }

    /**
     * A coherent DMA allocation is also the driver's device's to write: at its physical address,
     * which is its bus address without an IOMMU (what {@code dma_alloc_coherent} hands back as the handle).
     */
    private void coherentlyMapped(IsolatedModule module, Grant grant) {
        try {
            long physical = mmu.debugTranslate(grant.start());
            module.dmaMapped(new DmaMapping(physical, physical + grant.size(), grant.site(), grant));
        } catch (MemoryFault e) {
            // not mapped (cannot happen for memory just allocated): the device's writes there will be reported
        }
    }

    /** {@code dma_unmap_*} of bus address {@code start}: for whichever isolated module mapped it. */
    private void dmaUnmapped(long start) {
        for (IsolatedModule module : modules) {
            module.dmaUnmapped(start);
        }
    }

    /** The bytes of the NUL-terminated string at {@code pointer}, its NUL included; 0 if it cannot be read. */
    private long stringSize(long pointer) {
        try {
            for (int length = 0; length < MAX_STRING; length++) {
                if (guest.readMemory(pointer + length, 1)[0] == 0) {
                    return length + 1;
                }
            }
        } catch (MemoryFault e) {
            return 0;
        }
        return 0;
    }

    /**
     * The page allocator's caller owns its pages' {@code struct page} owner fields too: drivers keep
     * pages on lists through {@code lru} and set {@code index} and {@code private} (brd, null_blk).
     */
    private void grantPageFields(IsolatedModule module, Grant pages) {
        try {
            for (long page = pages.start(); Long.compareUnsigned(page, pages.end()) < 0;
                    page += AccessControlTable.PAGE_SIZE) {
                long[] fields = heap.ownerFields(page);
                module.act().grant(new Grant(fields[0], fields[1], Grant.Kind.RETURNED, "struct page of "
                        + pages.origin(), pages.site()));
            }
        } catch (MemoryFault e) {
            // the kernel's mem_map cannot be read: the driver's writes to its struct pages will be reported
        }
    }

    private void revokePageFields(IsolatedModule module, Grant pages) {
        try {
            module.act().revoke(heap.ownerFields(pages.start())[0], heap.ownerFields(pages.end() - 1)[1]);
        } catch (MemoryFault e) {
            // never granted: see grantPageFields
        }
    }

    private void freed(long pointer, Grant.Kind kind) {
        for (IsolatedModule module : modules) {
            boolean pages = module.allocationAt(pointer)
                    .filter(allocation -> allocation.family() == KernelHooks.Family.PAGES).isPresent();
            if (pages) {
                module.act().startingAt(pointer).ifPresent(grant -> revokePageFields(module, grant));
            }
            if (module.freed(pointer, kind)) {
                checksChanged();
                updateFreeWatch();
            }
        }
    }

    private void updateFreeWatch() {
        boolean watch = modules.stream().anyMatch(IsolatedModule::ownsHeapObjects);
        if (watch != watchingFrees) {
            watchingFrees = watch;
            mmu.fetchObserverChanged();
        }
    }

    private long trapVector() {
        return hart.csr(CSR_STVEC) & ~3L;
    }

    // ---- what the write checks see

    /**
     * Sets the context from the running task's innermost record, and with it the MMU's store view
     * (kernel, driver, or kernel working for the driver: switched without a flush, each view keeps
     * what the store observer said of its pages in that context), and watches the page of the
     * kernel return point that ends the innermost kernel call.
     */
    private void updateChecks() {
        CallTree.Record top = tree.top();
        DriverContext.Mode mode;
        IsolatedModule module = null;
        CallTree.KernelCall call = null;
        long returnPc = -1;
        switch (top) {
            case CallTree.Activation activation -> {
                mode = DriverContext.Mode.DRIVER;
                module = activation.module();
            }
            case CallTree.KernelCall kernel -> {
                call = kernel;
                module = kernel.module();
                returnPc = kernel.returnPc();
                mode = switch (kernel.role()) {
                    case ON_BEHALF -> DriverContext.Mode.ON_BEHALF;
                    case WRITES_FOR_DRIVER -> DriverContext.Mode.HELPER;
                    case ALLOCATOR -> DriverContext.Mode.KERNEL;
                };
            }
            case CallTree.Trap trap -> {
                mode = DriverContext.Mode.KERNEL;
                returnPc = trap.returnPc();
            }
            case null -> mode = DriverContext.Mode.KERNEL;
        }
        context.set(mode, module, tree, call);
        watchReturn(returnPc == -1 || moduleAt(returnPc) != null ? -1 : returnPc & -AccessControlTable.PAGE_SIZE);
        int wanted = switch (mode) {
            case KERNEL -> KERNEL_VIEW;
            case DRIVER, HELPER -> DRIVER_VIEW;
            case ON_BEHALF -> ON_BEHALF_VIEW;
        };
        if (module != null && module != viewOwner) {
            viewOwner = module;
            checksChanged();
        }
        if (wanted != view) {
            view = wanted;
            mmu.selectStoreView(wanted);
            if (mmu.hasLoadObserver()) {
                mmu.selectLoadView(wanted == DRIVER_VIEW ? 1 : 0);
            }
        }
    }

    /** The driver's objects, guards or frees changed, or whose they are: the MMU must ask the checks again. */
    private void checksChanged() {
        mmu.storeObserverChanged();
        mmu.loadObserverChanged();
    }

    /** Only the watched return page changes interest: the MMU forgets just it, not the whole TLB. */
    private void watchReturn(long page) {
        if (page != watchedReturnPage) {
            long old = watchedReturnPage;
            watchedReturnPage = page;
            if (old != -1) {
                mmu.flushPage(old);
            }
            if (page != -1) {
                mmu.flushPage(page);
            }
        }
    }
}
