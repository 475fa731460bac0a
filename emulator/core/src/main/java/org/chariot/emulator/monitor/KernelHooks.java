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
            ModuleMemoryFree {
    }

    /**
     * An allocator: when it returns to the driver, the object at a0 is the driver's. Its size is a
     * rule expression on the allocator's arguments at its entry, or null for an allocator that
     * returns a NUL-terminated string (kstrdup, kasprintf, ...): the string's length then.
     */
    record Allocator(String function, RuleExpression size) implements Hook {
    }

    /**
     * A free whose object is in {@code a<pointerArgument>}. A {@code watched} one is watched while
     * the driver owns objects, since the kernel too frees the driver's objects with it (devres,
     * krealloc); the others are seen only when the driver calls them, which costs nothing: their
     * pages may be the kernel's hottest (free_pages shares one with the page allocator).
     */
    record Free(String function, int pointerArgument, boolean watched) implements Hook {
    }

    /** A kernel function that returns an object for the driver to fill: a rule of the object table. */
    record ReturnsObject(ObjectRules.ReturnedObject rule) implements Hook {
    }

    /** A function that releases such an object, passed in a0. */
    record Release(String function) implements Hook {
    }

    /** A kernel helper that writes where the driver tells it (memcpy's destination, ...). */
    record Helper(String function) implements Hook {
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

    /** Allocators and the sizes of what they return, in the rule table's expression grammar; "" for a string. */
    private static final String[][] ALLOCATORS = {{"kmalloc_trace", "a2"}, {"kmalloc_node_trace", "a3"},
        {"__kmalloc", "a0"}, {"__kmalloc_node", "a0"}, {"kmalloc_large", "a0"}, {"kmalloc_large_node", "a0"},
        {"__kmalloc_node_track_caller", "a0"}, {"krealloc", "a1"}, {"kvmalloc_node", "a0"}, {"vmalloc", "a0"},
        {"vzalloc", "a0"}, {"kmemdup", "a1"}, {"kmemdup_nul", "a1 1"}, {"devm_kmalloc", "a1"},
        {"kmem_cache_alloc", "a0 +kmem_cache.object_size @4"},
        {"kmem_cache_alloc_lru", "a0 +kmem_cache.object_size @4"},
        {"kmem_cache_alloc_node", "a0 +kmem_cache.object_size @4"},
        {"__vmalloc", "a0"}, {"vmalloc_node", "a0"}, {"vzalloc_node", "a0"}, {"vmalloc_user", "a0"},
        {"kvrealloc", "a2"}, {"devm_kmemdup", "a2"}, {"dma_alloc_attrs", "a1"}, {"dmam_alloc_attrs", "a1"},
        {"get_zeroed_page", "pages"}, {"__get_free_pages", "a1 pages"},
        {"kstrdup", ""}, {"kstrndup", ""}, {"kasprintf", ""}, {"kvasprintf", ""}, {"devm_kstrdup", ""},
        {"devm_kasprintf", ""}};

    private static final List<Hook> OTHER_HOOKS = List.of(new ModuleLoad(), new ModuleFree(), new ModuleMemoryFree(),
            new Free("kfree", 0, true), new Free("kfree_sensitive", 0, true), new Free("kvfree", 0, true),
            new Free("vfree", 0, true), new Free("kmem_cache_free", 1, true), new Free("devm_kfree", 1, false),
            new Free("free_pages", 0, false), new Free("dma_free_attrs", 2, false),
            new Helper("memcpy"), new Helper("memmove"), new Helper("memset"), new Helper("strcpy"),
            new Helper("strncpy"), new Helper("strscpy"), new Helper("_copy_from_user"),
            new Helper("__asm_copy_from_user"));

    /** Where the kernel's trap handlers return through (its {@code sret}), from System.map. */
    private static final String TRAP_RETURN = "ret_from_exception";

    private final long[] addresses;
    private final long trapReturn;
    private final Hook[] hooks;
    /** Pages of the module hooks, always watched. Allocators and helpers need no watch: they are seen as the driver calls them. */
    private final Set<Long> modulePages = new HashSet<>();
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
                case Allocator allocator -> { }
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
            all.add(new Allocator(allocator[0], allocator[1].isEmpty() ? null
                    : RuleExpression.compile(allocator[1], "the size of " + allocator[0] + "'s objects", offsets)));
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

    /** Whether fetches from {@code virtualPage} must be seen: it holds a module hook, or a free while {@code frees}. */
    boolean watches(long virtualPage, boolean frees) {
        long page = virtualPage >>> AccessControlTable.PAGE_SHIFT;
        return modulePages.contains(page) || frees && freePages.contains(page);
    }
}
