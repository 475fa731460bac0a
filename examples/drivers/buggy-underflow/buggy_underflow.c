// SPDX-License-Identifier: GPL-2.0
/*
 * A buggy example for Chariot: kmalloc(16) and then one byte written just before its start.
 * Chariot must report a heap-underflow at the marked line; with the block policy the byte never
 * lands. The index is a parameter so that the compiler cannot see (and warn about) the underflow.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/init.h>
#include <linux/module.h>
#include <linux/moduleparam.h>
#include <linux/slab.h>

static int index = -1;
module_param(index, int, 0444);
MODULE_PARM_DESC(index, "where to write in the 16-byte buffer (default: -1, just before it)");

static int __init buggy_underflow_init(void)
{
	char *buffer = kmalloc(16, GFP_KERNEL);

	if (!buffer)
		return -ENOMEM;
	buffer[index] = 0x43; /* BUG: heap-underflow */
	pr_info("the bad write %s\n", READ_ONCE(buffer[index]) == 0x43 ? "landed" : "did not land");
	kfree(buffer);
	return 0;
}

static void __exit buggy_underflow_exit(void)
{
}

module_init(buggy_underflow_init);
module_exit(buggy_underflow_exit);

MODULE_DESCRIPTION("Chariot buggy example: heap underflow by one byte");
MODULE_LICENSE("GPL");
