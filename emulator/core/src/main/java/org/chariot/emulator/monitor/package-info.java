/**
 * Chariot's isolation of kernel modules in an unmodified Linux guest.
 *
 * <p><b>Learning the layout by introspection, not by a guest-side helper.</b> The monitor watches
 * fetches of {@code do_init_module} (its address from the kit's System.map), reads the {@code struct
 * module} in a0 with the kit's struct offsets (derived from the kernel's DWARF at kit build time):
 * name, core and init layouts and {@code sect_attrs}, the addresses {@code /sys/module/<m>/sections}
 * shows; section sizes come from the {@code .ko}. Neither the driver, the kernel nor the guest's
 * init changes, and nothing in the guest can lie to the monitor about a layout.
 *
 * <p><b>Who runs for whom</b> ({@link org.chariot.emulator.monitor.CallTree}, one per task: RISC-V
 * Linux keeps the running task in {@code tp}). A driver's code is a fetch region of the MMU: only
 * control entering or leaving it is seen, and the hooked kernel pages (allocators, frees, module
 * load and free, the trap vector and the return from traps). The kernel calling a driver is an
 * activation (its stack pointer bounds the driver's own frames); the driver calling, or
 * tail-calling, the kernel is a kernel call running for it until control comes back to its return
 * point with its stack pointer; a trap is the kernel's own work until it returns. Every record ends
 * by (pc, sp), so what the monitor decides follows the stack, not where interrupts land.
 *
 * <p><b>What is checked</b> ({@link org.chariot.emulator.monitor.StoreChecker}, by {@link
 * org.chariot.emulator.monitor.DriverContext.Mode}):
 * <ul>
 * <li>the driver's own stores: granted bytes ({@link org.chariot.emulator.monitor.AccessControlTable}:
 * its writable sections, what it or kernel code working for it allocated, kernel objects of the
 * rule table {@code kernel-object-rules.txt}), its own frames but for a live saved register (ra,
 * s0-s11, written only by the prologue that saved it), its device's registers;</li>
 * <li>a helper's stores ({@code memcpy}, the {@code sprintf} family, {@code kstrto*}, ...; {@link
 * org.chariot.emulator.monitor.KernelHooks}) from the pointer the driver gave it on: as the driver's;</li>
 * <li>any other kernel code working for the driver, and kernel code inlined into the driver from the
 * kernel's headers: its own business, except the guards of the driver's heap objects (slack and
 * redzones, read from the guest's allocator by {@link org.chariot.emulator.monitor.HeapGeometry};
 * isolated runs boot with {@code slub_debug=Z}), the driver's live saved registers and the kernel's
 * text and rodata; an overrun that crossed a guard is followed to the next page;</li>
 * <li>a store about to fault (NULL, user memory outside uaccess, unmapped or read-only memory such as
 * the module's text, rodata and ro-after-init data), judged before the fault unless an exception
 * table fixes it up or the kernel's reference page table maps it (a vmalloc sync).</li>
 * </ul>
 *
 * <p><b>What the driver may free</b> ({@link org.chariot.emulator.monitor.FreeChecker}): its own
 * calls of the frees are checked at their entry, before the kernel touches anything. A second free,
 * a pointer into an object, a kernel object, static memory or a stack is an {@code invalid-free}; a
 * free by the wrong allocator or into the wrong {@code kmem_cache} a {@code mismatched-free}. Under
 * {@code block} a return instruction runs in place of the free's first one, so the free never
 * happens and the driver goes on. An allocation is revoked at any free of it, whoever frees.
 *
 * <p><b>Beyond writes.</b> With {@code --check reads} a {@link org.chariot.emulator.monitor.ReadChecker}
 * sees the driver's (and its helpers') loads from pages holding its objects' guards or objects it
 * freed: such reads are reported, as KASAN reports them, and never stopped. A {@link
 * org.chariot.emulator.monitor.DmaChecker} watches every device's writes to guest memory: a device
 * the driver programmed (it stored to the device's registers) may write only what the driver mapped
 * for DMA ({@code dma_map_*}, {@code dma_alloc_*}: {@link org.chariot.emulator.monitor.DmaMapping}).
 *
 * <p>The MMU keeps a store-TLB view per mode (kernel, driver, kernel for the driver), and a checked
 * load-TLB view for the driver when reads are checked: changing mode selects another view (the
 * paper's switch of shadow page tables), with no flush.
 */
package org.chariot.emulator.monitor;
