package org.chariot.emulator.monitor;

import java.util.List;
import org.chariot.emulator.cpu.DebugAccess;
import org.chariot.emulator.cpu.Hart;
import org.chariot.emulator.guest.LoadedModules;
import org.chariot.emulator.mmu.FetchObserver;
import org.chariot.emulator.mmu.MemoryFault;
import org.chariot.emulator.mmu.Mmu;
import org.chariot.emulator.mmu.StoreDecision;
import org.chariot.emulator.mmu.StoreHalted;

/**
 * Follows execution through the fetches the MMU shows it (the isolated modules' code, hooked
 * kernel functions, and everything while a helper runs for a driver): module load and free,
 * what the driver allocates and frees, and when the driver runs, in {@link DriverContext}.
 */
final class ExecutionTracker implements FetchObserver {
    private static final int RA = 1, SP = 2, A0 = 10;
    private static final int CSR_STVEC = 0x105, CSR_SEPC = 0x141;
    /** Longer strings from a string allocator are not believed: the driver gets nothing. */
    private static final int MAX_STRING = 1 << 16;
    /** {@code c.jr ra}: executed in place of a free that the policy blocks, it returns to the driver at once. */
    private static final int RETURN = 0x8082;

    private final Hart hart;
    private final DebugAccess guest;
    private final Mmu mmu;
    private final List<IsolatedModule> modules;
    private final KernelHooks hooks;
    private final LoadedModules moduleReader;
    private final ObjectRules rules;
    private final FreeChecker frees;
    private final MonitorEvents events;
    private final DriverContext context;
    private static final int KERNEL_VIEW = 0, DRIVER_VIEW = 1;

    private boolean checkingWrites;
    /** The module whose ACT filled the MMU's driver store view; another one's must not use its entries. */
    private IsolatedModule driverViewOwner;
    /**
     * While a helper runs for the driver, the pages of the trap vector and of the kernel's return
     * from traps are watched, to see a trap taken inside the helper (its handler runs as the kernel)
     * and its {@code sret} back; -1 when no helper runs.
     */
    private long watchedTrapPage = -1;
    private long watchedReturnPage = -1;
    /** The last pc seen in a driver: where a jump out of it came from (a tail call has no return address). */
    private long lastDriverPc;
    /** Frees matter only while some isolated driver owns an allocation; the allocator's pages are hot. */
    private boolean watchingFrees;

    ExecutionTracker(Hart hart, List<IsolatedModule> modules, KernelHooks hooks, LoadedModules moduleReader,
            ObjectRules rules, FreeChecker frees, DriverContext context, MonitorEvents events) {
        this.hart = hart;
        this.guest = hart.debug();
        this.mmu = hart.mmu();
        this.modules = modules;
        this.hooks = hooks;
        this.moduleReader = moduleReader;
        this.rules = rules;
        this.frees = frees;
        this.context = context;
        this.events = events;
    }

    // ---- fetches: who runs, and the kernel hooks

    @Override
    public boolean interested(long virtualPage, long physicalPage) {
        return virtualPage == watchedTrapPage || virtualPage == watchedReturnPage || hooks.watches(virtualPage, watchingFrees)
                || modules.stream().anyMatch(m -> m.textOnPage(virtualPage));
    }

    @Override
    public int onFetch(long pc, int instruction) {
        IsolatedModule module = moduleAt(pc);
        boolean refused = false;
        if (context.helper() != null) {
            followHelper(pc);
        } else if (module != null && context.running() == null) {
            entered(module, pc);
        } else if (module == null && context.running() != null) {
            refused = left(pc);
        }
        if (module != null) {
            lastDriverPc = pc;
        } else if (!refused) {
            KernelHooks.Hook hook = hooks.at(pc);
            if (hook != null) {
                kernelHook(hook);
            }
        }
        updateWriteChecks();
        return refused ? RETURN : instruction;
    }

    private IsolatedModule moduleAt(long pc) {
        for (IsolatedModule module : modules) {
            if (module.textContains(pc)) {
                return module;
            }
        }
        return null;
    }

    private void entered(IsolatedModule module, long pc) {
        long sp = hart.x(SP);
        DriverContext.Resume resume = context.enter(module, pc, sp);
        if (resume == null) {
            List<Grant> grants = rules.grantsOnEntry(pc, guest);
            grants.forEach(module.act()::grant);
            context.activate(new DriverContext.Activation(module, sp, hart.x(RA), grants));
        } else if (resume.allocation() != null) {
            allocated(module, resume.allocation(), hart.x(A0));
        }
    }

    /** Control left the driver for {@code pc}; returns true if that is a call the policy refuses (a bad free). */
    private boolean left(long pc) {
        IsolatedModule module = context.running();
        long ra = hart.x(RA);
        long sp = hart.x(SP);
        if (pc == trapVector()) {
            context.leaveFor(new DriverContext.Resume(hart.csr(CSR_SEPC), sp, null));
        } else if (module.textContains(ra)) {
            KernelHooks.Hook hook = hooks.at(pc);
            if (hook instanceof KernelHooks.Helper helper) {
                context.startHelper(new DriverContext.HelperCall(helper.function(), ra, sp, module.driverLine(ra - 1)));
                watchTrapVector(true);
                return false;
            }
            context.leaveFor(new DriverContext.Resume(ra, sp, pendingAllocation(hook, module.driverLine(ra - 1))));
            return hook instanceof KernelHooks.Free free && refuses(checkFree(module, free, ra - 1), free);
        }
        // a return to the kernel, or a tail call (a jump to a kernel function that returns to the driver's caller)
        KernelHooks.Free tailCalled = hooks.at(pc) instanceof KernelHooks.Free free ? free : null;
        StoreDecision decision = tailCalled != null ? checkFree(module, tailCalled, lastDriverPc) : StoreDecision.COMMIT;
        DriverContext.Activation ended = context.leaveByReturn();
        if (ended != null) {
            ended.ruleGrants().forEach(g -> ended.module().act().revoke(g.start(), g.end()));
        }
        return tailCalled != null && refuses(decision, tailCalled);
    }

    /** The driver calls {@code free} from {@code callPc}: what the policy does with it (COMMIT if it is fine). */
    private StoreDecision checkFree(IsolatedModule module, KernelHooks.Free free, long callPc) {
        return frees.check(module, free, module.driverLine(callPc));
    }

    /**
     * True if the free must not run; under halt the hart stops before it, the driver already left
     * (a debugger that continues lets the free run as the kernel).
     */
    private boolean refuses(StoreDecision decision, KernelHooks.Free free) {
        if (decision == StoreDecision.HALT) {
            throw new StoreHalted(hart.x(A0 + free.pointerArgument()));
        }
        return decision == StoreDecision.DROP;
    }

    /** What the driver gets when the kernel function it calls returns: an allocator's or a rule's object, or null. */
    private DriverContext.PendingAllocation pendingAllocation(KernelHooks.Hook hook, Frame site) {
        return switch (hook) {
            case KernelHooks.Allocator allocator -> new DriverContext.PendingAllocation(allocator.function(),
                    allocator.size() == null ? DriverContext.PendingAllocation.STRING
                            : allocator.size().valueOrZero(guest), site, Grant.Kind.ALLOCATION);
            case KernelHooks.ReturnsObject returns -> new DriverContext.PendingAllocation(returns.rule().name() + ": "
                    + returns.rule().function(), returns.rule().sizeOnEntry(guest), site, Grant.Kind.RETURNED);
            case null, default -> null;
        };
    }

    private void followHelper(long pc) {
        DriverContext.HelperCall helper = context.helper();
        long sp = hart.x(SP);
        DriverContext.Resume trap = context.helperTrap();
        if (trap != null && pc == trap.pc() && sp == trap.sp()) {
            context.setHelperTrap(null);
        } else if (pc == helper.returnPc() && sp == helper.sp()) {
            context.endHelper();
            watchTrapVector(false);
        } else if (trap == null && pc == trapVector()) {
            context.setHelperTrap(new DriverContext.Resume(hart.csr(CSR_SEPC), sp, null));
        }
    }

    private long trapVector() {
        return hart.csr(CSR_STVEC) & ~3L;
    }

    /** Only the trap pages change interest: the MMU forgets just them, not the whole TLB. */
    private void watchTrapVector(boolean watch) {
        long trapPage = watch ? trapVector() & -AccessControlTable.PAGE_SIZE : -1;
        long returnPage = watch ? hooks.trapReturn() & -AccessControlTable.PAGE_SIZE : -1;
        if (trapPage != watchedTrapPage || returnPage != watchedReturnPage) {
            long[] changed = {watchedTrapPage, watchedReturnPage, trapPage, returnPage};
            watchedTrapPage = trapPage;
            watchedReturnPage = returnPage;
            for (long page : changed) {
                if (page != -1) {
                    mmu.flushPage(page);
                }
            }
        }
    }

    // ---- kernel hooks

    private void kernelHook(KernelHooks.Hook hook) {
        switch (hook) {
            case KernelHooks.ModuleLoad load -> moduleLoading(hart.x(A0));
            case KernelHooks.ModuleFree free -> moduleFreed(hart.x(A0));
            case KernelHooks.ModuleMemoryFree free -> moduleMemoryFreed(hart.x(A0));
            case KernelHooks.Free free -> freed(hart.x(A0 + free.pointerArgument()), Grant.Kind.ALLOCATION);
            case KernelHooks.Release release -> freed(hart.x(A0), Grant.Kind.RETURNED);
            case KernelHooks.Allocator allocator -> { } // seen when the driver calls it, in left()
            case KernelHooks.ReturnsObject returns -> { } // idem
            case KernelHooks.Helper helper -> { } // idem
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
                module.loaded(loaded);
                mmu.fetchObserverChanged();
                mmu.storeObserverChanged();
                events.moduleLoaded(module.name(), module.sections());
            }
        }
    }

    private void moduleFreed(long structModule) {
        for (IsolatedModule module : modules) {
            if (module.isLoaded() && module.structModule() == structModule) {
                context.forget(module);
                module.unloaded();
                watchTrapVector(false);
                mmu.fetchObserverChanged();
                mmu.storeObserverChanged();
                events.moduleUnloaded(module.name());
            }
        }
        updateFreeWatch();
    }

    private void moduleMemoryFreed(long region) {
        for (IsolatedModule module : modules) {
            if (module.initFreed(region)) {
                mmu.fetchObserverChanged();
                mmu.storeObserverChanged();
            }
        }
    }

    private void allocated(IsolatedModule module, DriverContext.PendingAllocation allocation, long pointer) {
        boolean failed = pointer == 0 || Long.compareUnsigned(pointer, -4095L) >= 0;
        long size = failed ? 0 : allocation.size() == DriverContext.PendingAllocation.STRING ? stringSize(pointer)
                : allocation.size();
        if (size > 0 && Long.compareUnsigned(pointer, pointer + size) < 0) {
            module.act().grant(new Grant(pointer, pointer + size, allocation.kind(),
                    allocation.label() + "(" + size + ")", allocation.site()));
            mmu.storeObserverChanged();
            updateFreeWatch();
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

    private void freed(long pointer, Grant.Kind kind) {
        for (IsolatedModule module : modules) {
            if (module.freed(pointer, kind)) {
                mmu.storeObserverChanged();
                updateFreeWatch();
            }
        }
    }

    private void updateFreeWatch() {
        boolean frees = modules.stream().anyMatch(IsolatedModule::ownsHeapObjects);
        if (frees != watchingFrees) {
            watchingFrees = frees;
            mmu.fetchObserverChanged();
        }
    }

    /**
     * Entering or leaving the driver swaps the MMU's store view, kernel or driver, without a flush:
     * each view keeps what the store observer said of its pages in that context.
     */
    private void updateWriteChecks() {
        boolean checks = context.checksWrites();
        if (checks && context.running() != driverViewOwner) {
            driverViewOwner = context.running();
            mmu.storeObserverChanged();
        }
        if (checks != checkingWrites) {
            checkingWrites = checks;
            mmu.selectStoreView(checks ? DRIVER_VIEW : KERNEL_VIEW);
        }
    }
}
