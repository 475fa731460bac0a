// SPDX-License-Identifier: GPL-2.0
/*
 * A buggy example for Chariot: a write through a wild pointer. The driver rebuilds a pointer
 * from an offset into RAM it believes it was given, and the offset is wrong: the pointer lands in
 * the middle of the kernel's memory (its direct map of RAM: heap objects and pages of others),
 * far from anything the driver owns. Chariot must report kernel-data at the marked line; with the
 * block policy the byte never lands. The offset is a parameter so that the compiler cannot see
 * where the pointer goes.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/init.h>
#include <linux/mm.h>
#include <linux/module.h>
#include <linux/moduleparam.h>

static ulong offset = 0x2345678;
module_param(offset, ulong, 0444);
MODULE_PARM_DESC(offset, "where in RAM the wild pointer lands (default: 35 MiB in, inside any guest's RAM)");

static int __init buggy_wild_init(void)
{
	/* volatile: the compiler must not fold the read-back into the value just written */
	u8 *volatile wild = (u8 *)PAGE_OFFSET + offset;
	u8 before = READ_ONCE(*wild);

	*wild = before ^ 0x5a; /* BUG: kernel-data */
	pr_info("the bad write %s\n", READ_ONCE(*wild) != before ? "landed" : "did not land");
	return 0;
}

static void __exit buggy_wild_exit(void)
{
}

module_init(buggy_wild_init);
module_exit(buggy_wild_exit);

MODULE_DESCRIPTION("Chariot buggy example: write through a wild pointer into the kernel's memory");
MODULE_LICENSE("GPL");
