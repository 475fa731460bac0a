// SPDX-License-Identifier: GPL-2.0
/*
 * A buggy example for Chariot: a write through a pointer to a kernel global the driver does not
 * own (loops_per_jiffy, which no delay on RISC-V depends on, so a landed write does no harm).
 * Chariot must report kernel-data at the marked line; with the block policy the value stays.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/delay.h>
#include <linux/init.h>
#include <linux/module.h>

static int __init buggy_global_init(void)
{
	/* volatile: the compiler must not fold the read-back into the value just written */
	unsigned long *volatile target = &loops_per_jiffy;

	*target = 0x1234; /* BUG: kernel-data */
	pr_info("the bad write %s\n", READ_ONCE(loops_per_jiffy) == 0x1234 ? "landed" : "did not land");
	return 0;
}

static void __exit buggy_global_exit(void)
{
}

module_init(buggy_global_init);
module_exit(buggy_global_exit);

MODULE_DESCRIPTION("Chariot buggy example: write to a kernel global");
MODULE_LICENSE("GPL");
