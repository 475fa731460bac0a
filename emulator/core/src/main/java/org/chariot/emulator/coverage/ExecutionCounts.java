package org.chariot.emulator.coverage;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.chariot.emulator.cpu.Instruction;
import org.chariot.emulator.guest.KernelModule;
import org.chariot.emulator.mmu.FetchObserver;
import org.chariot.emulator.monitor.ModuleSection;
import org.chariot.emulator.run.BootSpec;
import org.chariot.emulator.run.RunListener;

/**
 * Counts the instructions the isolated drivers execute. As a run listener it learns where each
 * module's code sections were loaded (from the monitor, which reports each load with its sections);
 * {@link #around} wraps the monitor's fetch observer and asks to see every fetch of the driver code
 * pages (which the monitor alone sees only when control enters or leaves them), so each driver
 * instruction that executes passes here once: coverage costs a call per driver instruction, isolation alone does not. The per-fetch work is a search of a few
 * ranges and array increments: no allocation.
 */
public final class ExecutionCounts implements RunListener {

    private final Map<String, KernelModule> modules = new LinkedHashMap<>();
    private final Map<String, Map<String, SectionCounts>> counts = new LinkedHashMap<>();
    private final Map<String, List<ModuleSection>> loaded = new HashMap<>();

    // The loaded code sections, as parallel arrays for the fetch path.
    private long[] starts = new long[0];
    private long[] sizes = new long[0];
    private SectionCounts[] sections = new SectionCounts[0];

    private int previous = -1;
    private long previousPc;
    private int previousBits;

    @Override
    public void stage(String message) {
    }

    @Override
    public void console(String line) {
    }

    @Override
    public synchronized void booting(String machine, BootSpec spec) {
        if (spec.isolation() != null) {
            spec.isolation().modules().forEach(module -> modules.put(module.name(), module));
        }
    }

    /** The modules of the run that coverage follows: the isolated ones. */
    public synchronized List<KernelModule> modules() {
        return List.copyOf(modules.values());
    }

    /** The counts of {@code module}'s section {@code section}, or null if it never ran. */
    synchronized SectionCounts of(String module, String section) {
        return counts.getOrDefault(module, Map.of()).get(section);
    }

    /** A fetch observer that counts each instruction {@code monitor} lets execute, then answers as it does. */
    public FetchObserver around(FetchObserver monitor) {
        return new FetchObserver() {
            @Override
            public boolean interested(long virtualPage, long physicalPage) {
                return monitor.interested(virtualPage, physicalPage) || monitor.region(virtualPage) != 0;
            }

            @Override
            public int onFetch(long pc, int instruction) {
                int executed = monitor.onFetch(pc, instruction);
                if (executed == instruction) {
                    executed(pc, instruction);
                }
                return executed;
            }
        };
    }

    private void executed(long pc, int bits) {
        if (previous >= 0 && isConditionalBranch(previousBits)) {
            int index = (int) ((previousPc - starts[previous]) >>> 1);
            if (pc == previousPc + new Instruction(previousBits).length()) {
                sections[previous].fellThrough[index]++;
            } else if (pc == previousPc + branchOffset(previousBits)) {
                sections[previous].taken[index]++;
            }
        }
        previous = -1;
        for (int i = 0; i < starts.length; i++) {
            long offset = pc - starts[i];
            if (offset >= 0 && offset < sizes[i]) {
                int index = (int) (offset >>> 1);
                sections[i].executed[index]++;
                sections[i].branch[index] = isConditionalBranch(bits);
                previous = i;
                previousPc = pc;
                previousBits = bits;
                return;
            }
        }
    }

    /** {@code beq}..{@code bgeu}, {@code c.beqz}, {@code c.bnez}. */
    private static boolean isConditionalBranch(int bits) {
        return (bits & 3) == 3 ? (bits & 0x7f) == 0x63 : (bits & 3) == 1 && ((bits >>> 13) & 7) >= 6;
    }

    private static long branchOffset(int bits) {
        Instruction instruction = new Instruction(bits);
        return (bits & 3) == 3 ? instruction.bImm() : instruction.cBImm();
    }

    @Override
    public synchronized void moduleLoaded(String name, List<ModuleSection> placed) {
        KernelModule module = modules.get(name);
        if (module == null) {
            return;
        }
        Map<String, SectionCounts> ofModule = counts.computeIfAbsent(name, n -> new LinkedHashMap<>());
        List<ModuleSection> code = new ArrayList<>();
        for (ModuleSection section : placed) {
            if (section.name().contains("text")) {
                ofModule.computeIfAbsent(section.name(), s -> new SectionCounts(section.size()));
                code.add(section);
            }
        }
        loaded.put(name, code);
        rebuildRanges();
    }

    @Override
    public synchronized void moduleUnloaded(String name) {
        loaded.remove(name);
        rebuildRanges();
    }

    private void rebuildRanges() {
        List<ModuleSection> all = new ArrayList<>();
        List<SectionCounts> their = new ArrayList<>();
        loaded.forEach((module, placed) -> placed.forEach(section -> {
            all.add(section);
            their.add(counts.get(module).get(section.name()));
        }));
        starts = all.stream().mapToLong(ModuleSection::address).toArray();
        sizes = all.stream().mapToLong(ModuleSection::size).toArray();
        sections = their.toArray(SectionCounts[]::new);
        previous = -1;
    }
}
