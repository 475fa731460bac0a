package org.chariot.emulator.monitor;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.chariot.emulator.guest.GuestKit;
import org.chariot.emulator.guest.KernelModule;
import org.chariot.emulator.guest.LoadedModules;
import org.chariot.emulator.machine.Machine;
import org.chariot.emulator.mmu.Mmu;
import org.chariot.emulator.symbols.KernelSymbols;

/**
 * Chariot's isolation of named modules in an unmodified Linux guest, plugged into the hart's MMU:
 * an {@link ExecutionTracker} follows module loads, the driver's allocations and frees and when
 * the driver runs; a {@link StoreChecker} checks the driver's stores against its ACT. Illegal
 * writes go to {@link MonitorEvents} as {@link Violation}s.
 */
public final class Monitor {

    private final StoreChecker stores;

    private Monitor(StoreChecker stores) {
        this.stores = stores;
    }

    /**
     * Isolates {@code isolated} in the guest that {@code machine} (created, not yet run) boots from
     * {@code kit}: installs the monitor as the MMU's fetch and store observer. Attach it before a
     * debugger, whose watchpoints chain to the store observer they find.
     */
    public static Monitor attach(Machine machine, GuestKit kit, List<KernelModule> isolated, Policy policy,
            MonitorEvents events) throws IOException {
        Mmu mmu = machine.hart().mmu();
        if (mmu.fetchObserver() != null || mmu.storeObserver() != null) {
            throw new IllegalStateException("attach the isolation monitor before any debugger or other MMU observer");
        }
        List<IsolatedModule> modules = new ArrayList<>();
        for (KernelModule module : isolated) {
            modules.add(IsolatedModule.of(module));
        }
        KernelSymbols kernel = KernelSymbols.load(kit.systemMap());
        DriverContext context = new DriverContext();
        List<IsolatedModule> all = List.copyOf(modules);
        ObjectRules rules = ObjectRules.load(kit.offsets());
        ExecutionTracker tracker = new ExecutionTracker(machine.hart(), all, KernelHooks.of(kernel, rules),
                LoadedModules.of(kernel, kit.offsets()), rules, context, events);
        StoreChecker stores = new StoreChecker(machine.hart(), kernel, context, new WriteClassifier(kernel, all), policy,
                events);
        mmu.setFetchObserver(tracker);
        mmu.setStoreObserver(stores);
        return new Monitor(stores);
    }

    /** How many illegal writes the isolated drivers made so far. */
    public long violations() {
        return stores.violations();
    }
}
