/**
 * Chariot's isolation of kernel modules in an unmodified Linux guest.
 *
 * <p><b>Learning the layout by introspection, not by a guest-side helper.</b> The monitor watches
 * fetches of {@code do_init_module} (its address from the kit's System.map), reads the {@code struct
 * module} in a0 with the kit's struct offsets (derived from the kernel's DWARF at kit build time):
 * name, core and init layouts and {@code sect_attrs}, the addresses {@code /sys/module/<m>/sections}
 * shows; section sizes come from the {@code .ko}. Neither the driver, the kernel nor the guest's
 * init changes, and nothing in the guest can lie to the monitor about a layout. A guest helper
 * reporting through an SBI call would need a loader in the guest and trust in it.
 *
 * <p><b>What the driver may write</b> ({@link org.chariot.emulator.monitor.AccessControlTable}): its
 * writable sections, what it allocated (granted when the allocator returns to it, revoked at any free
 * of that object, whoever frees), its own stack frames (below the stack pointer the kernel entered it
 * with) except a saved return address, which only the prologue that saved it ({@code sd ra}) may
 * write while its frame (same stack pointer) lives, user memory, its device's registers (non-RAM), and kernel objects from the rule table
 * {@code kernel-object-rules.txt}: those handed to a callback while it runs, and those a kernel
 * function returns for the driver to fill (a {@code gendisk}) until their release function is called.
 *
 * <p><b>What the driver may free</b> ({@link org.chariot.emulator.monitor.FreeChecker}): its own
 * calls of the frees are checked at their entry, before the kernel touches anything. A second free,
 * a pointer into an object, a kernel object, static memory or a stack is an {@code invalid-free};
 * under {@code block} a return instruction runs in place of the free's first one, so the free never
 * happens and the driver goes on. Heap memory the monitor did not see the driver get passes: kernel
 * functions such as {@code kstrdup} allocate for it.
 *
 * <p><b>When the driver runs</b> is told by fetches: the MMU shows the monitor fetches from the
 * driver's code pages and the first fetch after leaving them, so context changes cost only at
 * crossings. A call out of the driver is a call if {@code ra} points back into it, a trap if the
 * target is {@code stvec}; both leave a resume point (pc, sp) at which the driver runs again. A call
 * to a helper that writes for the driver ({@code memcpy}, {@code memset}, {@code copy_from_user},
 * ...) keeps the driver's context until the helper returns; during it the trap vector's page is
 * watched too, so a trap inside the helper runs as the kernel. While the driver runs, the store observer is
 * interested in kernel pages its ACT does not wholly grant. The MMU keeps two store-TLB views, the
 * kernel's and the driver's: changing context selects the other view (the paper's switch of shadow
 * page tables), with no flush; a change of the ACT flushes both.
 */
package org.chariot.emulator.monitor;
