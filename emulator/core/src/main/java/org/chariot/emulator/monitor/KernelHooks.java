package org.chariot.emulator.monitor;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;
import org.chariot.emulator.symbols.KernelSymbols;

/**
 * The kernel functions whose entry the monitor watches, at their addresses in the kit's
 * System.map: module load and free, the allocators and frees, and the helpers that write on a
 * driver's behalf. Functions this kernel does not have are left out.
 */
final class KernelHooks {

    sealed interface Hook permits Allocator, Free, Helper, ReturnsObject, Release, ModuleLoad, ModuleFree,
            ModuleMemoryFree, TaskSwitch {
    }

    /** How an allocator's a0 names what it allocated. */
    enum Result {
        /** The object's address. */
        ADDRESS,
        /** A {@code struct page *}: the object is that page's memory in the direct map. */
        PAGE,
        /**
         * A count of objects whose addresses are in an array, the pointer argument's for a free
         * ({@code kmem_cache_free_bulk(s, count, array)}), a3 at an allocator's entry
         * ({@code kmem_cache_alloc_bulk(s, flags, count, array)}).
         */
        BULK,
        /**
         * A bus address the driver's device may now read and write ({@code dma_map_page_attrs}
         * returns it): not memory for the driver's code, but for its device's DMA.
         */
        DMA_ADDRESS
    }

    /**
     * Which allocator an object came from, which says which frees may free it: each free names the
     * families it takes. {@code SLAB_OR_VMALLOC} objects (kvmalloc) are told apart by their address.
     */
    enum Family {
        SLAB("kmalloc"), CACHE("kmem_cache_alloc"), VMALLOC("vmalloc"), SLAB_OR_VMALLOC("kvmalloc"),
        PAGES("the page allocator"), DEVRES("devm_kmalloc"), DMA("dma_alloc_coherent"), PERCPU("alloc_percpu"),
        STRING("kstrdup"), DMA_MAPPING("dma_map_single");

        private final String allocator;

        Family(String allocator) {
            this.allocator = allocator;
        }

        String describe() {
            return allocator;
        }
    }

    /**
     * An allocator: when it returns, the object a0 names is the driver's, if the driver called it
     * or kernel code working for the driver did (the outermost allocator only: a slab's new page is
     * the allocator's). Its size is a rule expression on the allocator's arguments at its entry, or
     * null for an allocator that returns a NUL-terminated string (kstrdup, kasprintf, ...): the
     * string's length then.
     */
    record Allocator(String function, RuleExpression size, Result result, Family family) implements Hook {
    }

    /**
     * A free whose object is in {@code a<pointerArgument>} (a {@code struct page *} for {@link
     * Result#PAGE}), of one of {@code families}. A {@code watched} one is watched while the driver
     * owns objects, since the kernel too frees the driver's objects with it (devres, krealloc); the
     * others are seen only when the driver calls them, which costs nothing: their pages may be the
     * kernel's hottest (free_pages shares one with the page allocator).
     */
    record Free(String function, int pointerArgument, boolean watched, Result pointer, Set<Family> families)
            implements Hook {

        Free(String function, int pointerArgument, boolean watched, Family... families) {
            this(function, pointerArgument, watched, Result.ADDRESS, Set.of(families));
        }

        boolean frees(Family family) {
            return families.contains(family) || family == Family.STRING && families.contains(Family.SLAB)
                    || family == Family.CACHE && families.contains(Family.SLAB);
        }
    }

    /** {@code __switch_to(prev, next)}: the hart goes on with another task, and its stack. */
    record TaskSwitch() implements Hook {
    }

    /** A kernel function that returns an object for the driver to fill: a rule of the object table. */
    record ReturnsObject(ObjectRules.ReturnedObject rule) implements Hook {
    }

    /** A function that releases such an object, passed in a0. */
    record Release(String function) implements Hook {
    }

    /**
     * A kernel helper that writes where the driver points it: from the pointer in {@code
     * a<destinationArgument>} on (memcpy's destination, sprintf's buffer, kstrtoint's result), or
     * anywhere if {@link #EVERYWHERE} (sscanf writes through all its pointers).
     */
    record Helper(String function, int destinationArgument) implements Hook {
        static final int EVERYWHERE = -1;
    }

    /** {@code do_init_module(struct module *mod)}: the module's sections are in place, its init about to run. */
    record ModuleLoad() implements Hook {
    }

    /** {@code free_module(struct module *mod)}. */
    record ModuleFree() implements Hook {
    }

    /** {@code module_memfree(void *region)}: after init, the kernel frees the module's init part with it. */
    record ModuleMemoryFree() implements Hook {
    }

    /**
     * Allocators: name, the size of what they return in the rule table's expression grammar ("" for
     * a string), and their family; a0 is the object's address unless the family says pages.
     */
    private static final String[][] ALLOCATORS = {{"kmalloc_trace", "a2", "SLAB"}, {"kmalloc_node_trace", "a3", "SLAB"},
        {"__kmalloc", "a0", "SLAB"}, {"__kmalloc_node", "a0", "SLAB"}, {"kmalloc_large", "a0", "SLAB"},
        {"kmalloc_large_node", "a0", "SLAB"}, {"__kmalloc_node_track_caller", "a0", "SLAB"},
        {"krealloc", "a1", "SLAB"}, {"kvmalloc_node", "a0", "SLAB_OR_VMALLOC"}, {"vmalloc", "a0", "VMALLOC"},
        {"vzalloc", "a0", "VMALLOC"}, {"kmemdup", "a1", "SLAB"}, {"kmemdup_nul", "a1 1", "SLAB"},
        {"devm_kmalloc", "a1", "DEVRES"},
        {"kmem_cache_alloc", "a0 +kmem_cache.object_size @4", "CACHE"},
        {"kmem_cache_alloc_lru", "a0 +kmem_cache.object_size @4", "CACHE"},
        {"kmem_cache_alloc_node", "a0 +kmem_cache.object_size @4", "CACHE"},
        {"__vmalloc", "a0", "VMALLOC"}, {"vmalloc_node", "a0", "VMALLOC"}, {"vzalloc_node", "a0", "VMALLOC"},
        {"vmalloc_user", "a0", "VMALLOC"}, {"__vmalloc_node_range", "a0", "VMALLOC"},
        {"kvrealloc", "a2", "SLAB_OR_VMALLOC"}, {"devm_kmemdup", "a2", "DEVRES"}, {"dma_alloc_attrs", "a1", "DMA"},
        {"dmam_alloc_attrs", "a1", "DMA"}, {"get_zeroed_page", "pages", "PAGES"},
        {"__get_free_pages", "a1 pages", "PAGES"}, {"alloc_pages_exact", "a0", "PAGES"},
        {"__alloc_pages", "a1 pages", "PAGE"}, {"__alloc_percpu", "a0", "PERCPU"},
        {"kmem_cache_alloc_bulk", "a0 +kmem_cache.object_size @4", "BULK"},
        {"__alloc_percpu_gfp", "a0", "PERCPU"},
        {"kstrdup", "", "STRING"}, {"kstrndup", "", "STRING"}, {"kasprintf", "", "STRING"},
        {"kvasprintf", "", "STRING"}, {"devm_kstrdup", "", "DEVRES"}, {"devm_kasprintf", "", "DEVRES"},
        {"dma_map_page_attrs", "a3", "DMA_MAPPING"}, {"dma_map_resource", "a2", "DMA_MAPPING"}};

    /**
     * Helpers that write only where the driver points them, and the argument with that pointer
     * ({@link Helper#EVERYWHERE} for sscanf's many): their writes there are checked as the driver's.
     */
    private static final Object[][] HELPERS = {{"memcpy", 0}, {"memmove", 0}, {"memset", 0}, {"memzero_explicit", 0},
        {"strcpy", 0}, {"strncpy", 0}, {"strscpy", 0}, {"strscpy_pad", 0}, {"strcat", 0}, {"strncat", 0},
        {"strlcpy", 0}, {"strlcat", 0}, {"strreplace", 0}, {"sprintf", 0}, {"snprintf", 0}, {"scnprintf", 0},
        {"vsprintf", 0}, {"vsnprintf", 0}, {"vscnprintf", 0}, {"sscanf", Helper.EVERYWHERE},
        {"vsscanf", Helper.EVERYWHERE}, {"_copy_from_user", 0}, {"__asm_copy_from_user", 0},
        {"strncpy_from_user", 0}, {"memcpy_fromio", 0}, {"kstrtoint", 2}, {"kstrtouint", 2}, {"kstrtoll", 2},
        {"kstrtoull", 2}, {"_kstrtoul", 2}, {"_kstrtol", 2}, {"kstrtos8", 2}, {"kstrtou8", 2}, {"kstrtos16", 2},
        {"kstrtou16", 2}, {"kstrtobool", 1}, {"kstrtoint_from_user", 3}, {"kstrtouint_from_user", 3},
        {"kstrtoul_from_user", 3}, {"kstrtobool_from_user", 2}, {"hex_dump_to_buffer", 4}, {"hex2bin", 0},
        {"bin2hex", 0}, {"__bitmap_set", 0}, {"__bitmap_clear", 0}, {"bitmap_parse", 2}, {"bitmap_parselist", 1},
        {"string_get_size", 3}, {"get_random_bytes", 0}, {"uuid_gen", 0}, {"guid_gen", 0}};

    private static final List<Hook> OTHER_HOOKS = List.of(new ModuleLoad(), new ModuleFree(), new ModuleMemoryFree(),
            new TaskSwitch(),
            new Free("kfree", 0, true, Family.SLAB), new Free("kfree_sensitive", 0, true, Family.SLAB),
            new Free("kvfree", 0, true, Family.SLAB, Family.VMALLOC, Family.SLAB_OR_VMALLOC),
            new Free("vfree", 0, true, Family.VMALLOC), new Free("kmem_cache_free", 1, true, Family.CACHE),
            new Free("devm_kfree", 1, false, Family.DEVRES),
            new Free("free_pages", 0, false, Family.PAGES), new Free("free_pages_exact", 0, false, Family.PAGES),
            new Free("__free_pages", 0, false, Result.PAGE, Set.of(Family.PAGES)),
            new Free("kmem_cache_free_bulk", 2, true, Result.BULK, Set.of(Family.CACHE, Family.SLAB)),
            new Free("dma_free_attrs", 2, false, Family.DMA), new Free("free_percpu", 0, false, Family.PERCPU),
            new Free("dma_unmap_page_attrs", 1, false, Result.DMA_ADDRESS, Set.of(Family.DMA_MAPPING)),
            new Free("dma_unmap_resource", 1, false, Result.DMA_ADDRESS, Set.of(Family.DMA_MAPPING)));

    /** Where the kernel's trap handlers return through (its {@code sret}), from System.map. */
    private static final String TRAP_RETURN = "ret_from_exception";

    private final long[] addresses;
    private final long trapReturn;
    private final Hook[] hooks;
    /** Pages of the module hooks and the task switch, always watched. Helpers need no watch: they are seen as the driver calls them. */
    private final Set<Long> modulePages = new HashSet<>();
    /** Pages of the allocators, watched while a driver is loaded: kernel code working for it may allocate for it. */
    private final Set<Long> allocatorPages = new HashSet<>();
    /** Pages of the frees and releases, watched only while the driver owns objects. */
    private final Set<Long> freePages = new HashSet<>();

    private KernelHooks(TreeMap<Long, Hook> byAddress, long trapReturn) {
        this.trapReturn = trapReturn;
        addresses = byAddress.keySet().stream().mapToLong(Long::longValue).toArray();
        hooks = byAddress.values().toArray(Hook[]::new);
        for (int i = 0; i < addresses.length; i++) {
            long page = addresses[i] >>> AccessControlTable.PAGE_SHIFT;
            switch (hooks[i]) {
                case Free free when free.watched() -> freePages.add(page);
                case Free free -> { }
                case Release release -> freePages.add(page);
                case Allocator allocator -> allocatorPages.add(page);
                case ReturnsObject returns -> { }
                case Helper helper -> { }
                default -> modulePages.add(page);
            }
        }
    }

    /** The hooks in {@code kernel}, with the functions of {@code rules}' returned objects and their releases. */
    static KernelHooks of(KernelSymbols kernel, ObjectRules rules, KitOffsets offsets) {
        List<Hook> all = new ArrayList<>(OTHER_HOOKS);
        for (String[] allocator : ALLOCATORS) {
            Result result = switch (allocator[2]) {
                case "PAGE" -> Result.PAGE;
                case "BULK" -> Result.BULK;
                case "DMA_MAPPING" -> Result.DMA_ADDRESS;
                default -> Result.ADDRESS;
            };
            Family family = switch (result) {
                case PAGE -> Family.PAGES;
                case BULK -> Family.CACHE;
                case DMA_ADDRESS -> Family.DMA_MAPPING;
                case ADDRESS -> Family.valueOf(allocator[2]);
            };
            all.add(new Allocator(allocator[0], allocator[1].isEmpty() ? null
                    : RuleExpression.compile(allocator[1], "the size of " + allocator[0] + "'s objects", offsets),
                    result, family));
        }
        for (Object[] helper : HELPERS) {
            all.add(new Helper((String) helper[0], (Integer) helper[1]));
        }
        for (ObjectRules.ReturnedObject rule : rules.returnedObjects()) {
            all.add(new ReturnsObject(rule));
            all.add(new Release(rule.release()));
        }
        TreeMap<Long, Hook> byAddress = new TreeMap<>(); // signed order, as Arrays.binarySearch compares
        for (Hook hook : all) {
            String name = name(hook);
            OptionalLong address = kernel.address(name);
            if (address.isPresent()) {
                byAddress.putIfAbsent(address.getAsLong(), hook);
            } else if (isModuleHook(hook)) {
                throw new IllegalArgumentException("the kernel's System.map has no '" + name
                        + "': the monitor needs a kernel built with CONFIG_MODULES and KALLSYMS_ALL (the Chariot kit)");
            }
        }
        long trapReturn = kernel.address(TRAP_RETURN).orElseThrow(() -> new IllegalArgumentException(
                "the kernel's System.map has no '" + TRAP_RETURN + "': give the System.map of the Chariot guest kit"));
        return new KernelHooks(byAddress, trapReturn);
    }

    private static boolean isModuleHook(Hook hook) {
        return hook instanceof ModuleLoad || hook instanceof ModuleFree || hook instanceof ModuleMemoryFree;
    }

    private static String name(Hook hook) {
        return switch (hook) {
            case ModuleLoad load -> "do_init_module";
            case ModuleFree free -> "free_module";
            case ModuleMemoryFree free -> "module_memfree";
            case TaskSwitch change -> "__switch_to";
            case Allocator allocator -> allocator.function();
            case Free free -> free.function();
            case Helper helper -> helper.function();
            case ReturnsObject returns -> returns.rule().function();
            case Release release -> release.function();
        };
    }

    /** The hook at {@code pc}, or null: called for every instruction on a hooked page, so it only searches. */
    Hook at(long pc) {
        int index = Arrays.binarySearch(addresses, pc);
        return index >= 0 ? hooks[index] : null;
    }

    long trapReturn() {
        return trapReturn;
    }

    /**
     * Whether fetches from {@code virtualPage} must be seen: it holds a module hook, a free while
     * {@code frees}, an allocator while {@code allocators}.
     */
    boolean watches(long virtualPage, boolean frees, boolean allocators) {
        long page = virtualPage >>> AccessControlTable.PAGE_SHIFT;
        return modulePages.contains(page) || frees && freePages.contains(page)
                || allocators && allocatorPages.contains(page);
    }
}
