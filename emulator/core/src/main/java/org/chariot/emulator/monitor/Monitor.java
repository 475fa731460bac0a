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
 * the driver runs, and has its frees checked by a {@link FreeChecker}; a {@link StoreChecker} checks
 * the driver's stores against its ACT; with reads checked, a {@link ReadChecker} its reads of freed
 * objects and of its objects' guards; a {@link DmaChecker} the DMA of the devices the driver
 * programmed. Illegal writes, frees, reads and DMA go to {@link MonitorEvents} as {@link Violation}s.
 */
public final class Monitor {

    private final ViolationLog log;

    private Monitor(ViolationLog log) {
        this.log = log;
    }

    /**
     * Isolates {@code isolated} in the guest that {@code machine} (created, not yet run) boots from
     * {@code kit}: installs the monitor as the MMU's fetch observer and a store observer (a
     * debugger's watchpoints go before it).
     */
    public static Monitor attach(Machine machine, GuestKit kit, List<KernelModule> isolated, Policy policy,
            MonitorEvents events) throws IOException {
        return attach(machine, kit, isolated, policy, false, events);
    }

    /**
     * As {@link #attach(Machine, GuestKit, List, Policy, MonitorEvents)}; with {@code checkReads}, also
     * the MMU's load observer, which reports the driver's reads of its objects' guards and of objects
     * it freed.
     */
    public static Monitor attach(Machine machine, GuestKit kit, List<KernelModule> isolated, Policy policy,
            boolean checkReads, MonitorEvents events) throws IOException {
        Mmu mmu = machine.hart().mmu();
        if (mmu.fetchObserver() != null) {
            throw new IllegalStateException("attach the isolation monitor before any debugger or other fetch observer");
        }
        List<IsolatedModule> modules = new ArrayList<>();
        for (KernelModule module : isolated) {
            IsolatedModule one = IsolatedModule.of(module);
            one.act().reportChangesTo(new AccessControlTable.Changes() {
                @Override
                public void granted(Grant grant) {
                    events.granted(one.name(), grant);
                }

                @Override
                public void revoked(Grant grant) {
                    events.revoked(one.name(), grant);
                }
            });
            modules.add(one);
        }
        KernelSymbols kernel = KernelSymbols.load(kit.systemMap());
        KitOffsets offsets = KitOffsets.load(kit.offsets());
        KernelLayout layout = KernelLayout.of(machine.hart().debug(), kernel, offsets);
        DriverContext context = new DriverContext();
        List<IsolatedModule> all = List.copyOf(modules);
        ObjectRules rules = ObjectRules.load(offsets);
        ViolationLog log = new ViolationLog(policy, events);
        CallStacks stacks = new CallStacks(kernel, context);
        WriteClassifier classifier = new WriteClassifier(kernel, layout, all);
        HeapGeometry heap = new HeapGeometry(machine.hart().debug(), layout, kernel, offsets);
        SavedRegisters saved = new SavedRegisters();
        ExecutionTracker tracker = new ExecutionTracker(machine.hart(), all, KernelHooks.of(kernel, rules, offsets),
                LoadedModules.of(kernel, kit.offsets()), rules,
                new FreeChecker(machine.hart(), classifier, layout, heap, stacks, log), heap, saved, context, events);
        DmaChecker devices = new DmaChecker(machine.deviceMemory(), layout, stacks, log);
        AccessViolations accesses = new AccessViolations(machine.hart(), context, stacks);
        StoreChecker stores = new StoreChecker(machine.hart(), context, classifier, layout, kernel, offsets, accesses,
                saved, log, devices);
        mmu.setFetchObserver(tracker);
        mmu.addStoreObserver(stores);
        machine.deviceMemory().observeWrites(devices);
        if (checkReads) {
            mmu.setLoadObserver(new ReadChecker(machine.hart(), context, classifier, accesses, log));
        }
        return new Monitor(log);
    }

    /** How many illegal writes and frees the isolated drivers made so far. */
    public long violations() {
        return log.count();
    }
}
