package org.chariot.emulator.monitor;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.chariot.emulator.cpu.DebugAccess;
import org.chariot.emulator.guest.KernelModule;
import org.chariot.emulator.guest.LoadedModules;
import org.chariot.emulator.symbols.ElfFile;
import org.chariot.emulator.symbols.ElfSection;
import org.chariot.emulator.symbols.ModuleSymbols;
import org.chariot.emulator.symbols.SourceLocation;
import org.chariot.emulator.symbols.SymbolOffset;

/**
 * One module named for isolation: its {@code .ko} (section sizes, symbols, lines), and once the
 * guest has loaded it, where its sections are, its code ranges, its ACT and the objects it lately freed.
 */
final class IsolatedModule {

    private static final long SHF_WRITE = 0x1;
    private static final long SHF_ALLOC = 0x2;
    /** The kernel's own {@code struct module} for the module: written by the kernel, never by the driver. */
    private static final String THIS_MODULE_SECTION = ".gnu.linkonce.this_module";
    private static final int FREED_REMEMBERED = 256;
    private static final String EXCEPTION_TABLE = "__ex_table";

    private final String name;
    /** Where the {@code .ko} is: an out-of-tree module's own headers are there, the kernel's are not. */
    private final Path buildDirectory;
    private final ElfFile elf;
    private final ModuleSymbols symbols;
    private final AccessControlTable act = new AccessControlTable();
    private final Deque<Grant> recentlyFreed = new ArrayDeque<>();
    /** Where its devices may write guest memory: what it mapped for DMA and has not unmapped. */
    private final List<DmaMapping> dmaMappings = new ArrayList<>();
    /** Which allocator each of its allocations (by start) came from, and the cache of a {@code kmem_cache_alloc} one. */
    private final Map<Long, Allocation> allocations = new HashMap<>();
    private final Map<Long, Boolean> inlinedKernelCode = new HashMap<>();
    private final Map<Long, Boolean> prologue = new HashMap<>();
    /** A prologue saves ra and up to twelve s registers after moving sp: fewer than this many bytes of code. */
    private static final long PROLOGUE_BYTES = 64;

    /** Where an allocation came from: which frees may free it. */
    record Allocation(KernelHooks.Family family, long cache) {
    }
    private List<ModuleSection> sections = List.of();
    private long[] textRanges = new long[0];
    private LoadedModules.Layout init;
    private long structModule;
    private ExceptionTable exceptionTable = ExceptionTable.EMPTY;

    private IsolatedModule(String name, Path buildDirectory, ElfFile elf, ModuleSymbols symbols) {
        this.name = name;
        this.buildDirectory = buildDirectory;
        this.elf = elf;
        this.symbols = symbols;
    }

    static IsolatedModule of(KernelModule module) throws IOException {
        ElfFile elf = ElfFile.read(module.file());
        return new IsolatedModule(module.name(), module.file().toAbsolutePath().getParent(), elf, ModuleSymbols.of(elf));
    }

    String name() {
        return name;
    }

    AccessControlTable act() {
        return act;
    }

    boolean isLoaded() {
        return structModule != 0;
    }

    long structModule() {
        return structModule;
    }

    List<ModuleSection> sections() {
        return sections;
    }

    /**
     * The guest loaded the module: learn where everything is and grant its writable sections;
     * {@code guest} has its exception table.
     */
    void loaded(LoadedModules.Module loaded, DebugAccess guest) {
        structModule = loaded.address();
        List<ModuleSection> placed = new ArrayList<>();
        for (LoadedModules.Section section : loaded.sections()) {
            Optional<ElfSection> inFile = elf.section(section.name());
            if (inFile.isPresent() && inFile.get().size() > 0) {
                placed.add(new ModuleSection(section.name(), section.address(), inFile.get().size()));
                if (isDriverWritable(inFile.get())) {
                    act.grant(new Grant(section.address(), section.address() + inFile.get().size(), Grant.Kind.SECTION,
                            section.name()));
                }
            }
        }
        sections = List.copyOf(placed);
        exceptionTable = sections.stream().filter(s -> s.name().equals(EXCEPTION_TABLE)).findFirst()
                .map(s -> ExceptionTable.read(guest, s.address(), s.address() + s.size())).orElse(ExceptionTable.EMPTY);
        textRanges = new long[] {loaded.core().base(), loaded.core().base() + loaded.core().textSize(),
            loaded.init().base(), loaded.init().base() + loaded.init().textSize()};
        init = loaded.init();
    }

    /**
     * If {@code region} is the module's init part, which the kernel frees once init returned, the
     * driver loses it: its init code no longer counts as the driver's and its init data is revoked.
     */
    boolean initFreed(long region) {
        if (init == null || region == 0 || init.base() != region) {
            return false;
        }
        long end = init.base() + init.size();
        act.revoke(init.base(), end);
        sections = sections.stream().filter(s -> Long.compareUnsigned(s.address() - init.base(), init.size()) >= 0)
                .toList();
        textRanges = Arrays.copyOf(textRanges, 2);
        init = null;
        return true;
    }

    private static boolean isDriverWritable(ElfSection section) {
        return (section.flags() & (SHF_WRITE | SHF_ALLOC)) == (SHF_WRITE | SHF_ALLOC) && !section.isExecutable()
                && !section.name().equals(THIS_MODULE_SECTION);
    }

    /** Whether a fault of the module's instruction at {@code pc} is one the kernel fixes up (inlined uaccess). */
    boolean fixesUp(long pc) {
        return exceptionTable.covers(pc);
    }

    /** The section of the module's image holding {@code address}, if any. */
    Optional<ModuleSection> sectionAt(long address) {
        return sections.stream().filter(s -> s.contains(address)).findFirst();
    }

    /** Whether the module's section {@code name} holds code. */
    boolean isCode(String section) {
        return elf.section(section).map(ElfSection::isExecutable).orElse(false);
    }

    /** The guest freed the module: everything it was granted is revoked. */
    void unloaded() {
        act.revoke(0, -1L);
        recentlyFreed.clear();
        dmaMappings.clear();
        allocations.clear();
        sections = List.of();
        textRanges = new long[0];
        init = null;
        structModule = 0;
        exceptionTable = ExceptionTable.EMPTY;
    }

    boolean textContains(long pc) {
        for (int i = 0; i < textRanges.length; i += 2) {
            if (Long.compareUnsigned(pc, textRanges[i]) >= 0 && Long.compareUnsigned(pc, textRanges[i + 1]) < 0) {
                return true;
            }
        }
        return false;
    }

    boolean textOnPage(long virtualPage) {
        long pageEnd = virtualPage + AccessControlTable.PAGE_SIZE;
        for (int i = 0; i < textRanges.length; i += 2) {
            if (Long.compareUnsigned(textRanges[i], pageEnd) < 0 && Long.compareUnsigned(textRanges[i + 1], virtualPage) > 0) {
                return true;
            }
        }
        return false;
    }

    boolean imageContains(long address) {
        return sections.stream().anyMatch(s -> s.contains(address));
    }

    boolean ownsHeapObjects() {
        return act.hasHeapObjects();
    }

    /** Grants the allocation {@code grant} with its {@code guards}, from {@code allocation}'s allocator. */
    void allocated(Grant grant, long[][] guards, Allocation allocation) {
        act.grant(grant, guards);
        allocations.put(grant.start(), allocation);
        recentlyFreed.removeIf(g -> Long.compareUnsigned(g.start(), grant.end()) < 0
                && Long.compareUnsigned(grant.start(), g.end()) < 0);
    }

    /** Where the allocation starting at {@code start} came from, if the driver holds one there. */
    Optional<Allocation> allocationAt(long start) {
        return Optional.ofNullable(allocations.get(start));
    }

    /**
     * Revokes the object of {@code kind} (an allocation, or a returned object) starting at {@code
     * pointer}, remembering it for use-after-free reports.
     */
    boolean freed(long pointer, Grant.Kind kind) {
        Optional<Grant> object = act.startingAt(pointer).filter(g -> g.kind() == kind);
        object.ifPresent(grant -> {
            allocations.remove(grant.start());
            act.revoke(grant.start(), grant.end());
            dmaMappings.removeIf(mapping -> mapping.object() == grant);
            if (recentlyFreed.size() == FREED_REMEMBERED) {
                recentlyFreed.removeLast();
            }
            recentlyFreed.addFirst(grant);
        });
        return object.isPresent();
    }

    /** Whether an object the driver lately freed lies on the page at {@code page}. */
    boolean freedOnPage(long page) {
        long end = page + AccessControlTable.PAGE_SIZE;
        return recentlyFreed.stream().anyMatch(g -> Long.compareUnsigned(g.start(), end) < 0
                && Long.compareUnsigned(page, g.end()) < 0);
    }

    /** The driver mapped {@code mapping} for its devices' DMA. */
    void dmaMapped(DmaMapping mapping) {
        dmaMappings.add(mapping);
    }

    /** The driver unmapped its streaming mapping at bus address {@code start}. */
    void dmaUnmapped(long start) {
        for (int i = dmaMappings.size() - 1; i >= 0; i--) {
            if (dmaMappings.get(i).start() == start && dmaMappings.get(i).object() == null) {
                dmaMappings.remove(i);
                return;
            }
        }
    }

    /** Whether a device of the driver may write {@code [address, address + length)}: inside one of its DMA mappings. */
    boolean dmaAllows(long address, long length) {
        return dmaMappings.stream().anyMatch(mapping -> mapping.contains(address, length));
    }

    /** The driver's DMA mapping nearest to {@code address}, if it has any. */
    Optional<DmaMapping> nearestDmaMapping(long address) {
        return dmaMappings.stream().min(Comparator.comparingLong(mapping -> Math.min(
                Math.abs(address - mapping.start()), Math.abs(address - mapping.end()))));
    }

    Optional<Grant> freedObjectContaining(long address) {
        return recentlyFreed.stream().filter(g -> g.contains(address)).findFirst();
    }

    /**
     * The driver's code at {@code pc} as frames, innermost first: the line of {@code pc} and, where it
     * was inlined, the lines it was inlined through. Empty if {@code pc} is not in the module.
     */
    List<Frame> frames(long pc) {
        for (ModuleSection section : sections) {
            if (section.contains(pc)) {
                long offset = pc - section.address();
                List<SourceLocation> lines = symbols.frames(section.name(), offset);
                if (lines.isEmpty()) {
                    String function = symbols.symbolAt(section.name(), offset).map(SymbolOffset::shortForm)
                            .orElse(section.name() + "+0x" + Long.toHexString(offset));
                    return List.of(new Frame(pc, function, null, 0));
                }
                return lines.stream().map(line -> new Frame(pc, line.function() == null ? "??" : line.function(),
                        line.file(), line.line())).toList();
            }
        }
        return List.of();
    }

    /**
     * Whether {@code pc} is in the first bytes of its function, where a prologue saves the registers
     * its caller keeps: a save later in the body is a spill of a value, not of the caller's register.
     */
    boolean inPrologue(long pc) {
        return prologue.computeIfAbsent(pc, at -> {
            long start = functionStart(at);
            return start != -1 && at - start < PROLOGUE_BYTES;
        });
    }

    /** Where the function holding {@code pc} starts (its ELF symbol), or -1 (no instruction's address) if no symbol holds it. */
    long functionStart(long pc) {
        for (ModuleSection section : sections) {
            if (section.contains(pc)) {
                return symbols.symbolAt(section.name(), pc - section.address()).map(symbol -> pc - symbol.offset())
                        .orElse(-1L);
            }
        }
        return -1;
    }

    /** The name of the function (the ELF symbol, present even without debug info) holding {@code pc}, or null. */
    String functionAt(long pc) {
        for (ModuleSection section : sections) {
            if (section.contains(pc)) {
                return symbols.symbolAt(section.name(), pc - section.address()).map(SymbolOffset::name).orElse(null);
            }
        }
        return null;
    }

    /**
     * Whether the code at {@code pc} is the kernel's, inlined into the driver from its headers
     * ({@code local_bh_disable}, {@code get_page}, {@code rht_assign_unlock}): its innermost line
     * is in a header outside the directory the module was built in. False without line information.
     */
    boolean isInlinedKernelCode(long pc) {
        return inlinedKernelCode.computeIfAbsent(pc, at -> {
            List<Frame> frames = frames(at);
            if (frames.isEmpty() || !frames.getFirst().hasSource()) {
                return false;
            }
            String file = frames.getFirst().file();
            return file.endsWith(".h") && (buildDirectory == null || !Path.of(file).startsWith(buildDirectory));
        });
    }

    /**
     * The line to blame for the code at {@code pc}: the innermost of its {@link #frames} in the
     * driver's own sources (the directory of the function it was inlined into), so that an inlined
     * kernel header such as {@code writel} points at the driver's line that used it; null outside the module.
     */
    Frame driverLine(long pc) {
        List<Frame> frames = frames(pc);
        if (frames.isEmpty()) {
            return null;
        }
        Frame outermost = frames.getLast();
        Path directory = outermost.hasSource() ? Path.of(outermost.file()).getParent() : null;
        return frames.stream().filter(f -> directory != null && f.hasSource() && directory.equals(Path.of(f.file())
                .getParent())).findFirst().orElse(frames.getFirst());
    }
}
