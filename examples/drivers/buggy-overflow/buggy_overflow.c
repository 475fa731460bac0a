// SPDX-License-Identifier: GPL-2.0
/*
 * A buggy example for Chariot: kmalloc(16) and then one byte written just past its end. Chariot
 * must report a heap-overflow at the marked line; with the block policy the byte never lands.
 * The index is a parameter so that the compiler cannot see (and warn about) the overflow.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/init.h>
#include <linux/module.h>
#include <linux/moduleparam.h>
#include <linux/slab.h>

static int index = 16;
module_param(index, int, 0444);
MODULE_PARM_DESC(index, "where to write in the 16-byte buffer (default: 16, one past the end)");

static int __init buggy_overflow_init(void)
{
	char *buffer = kmalloc(16, GFP_KERNEL);

	if (!buffer)
		return -ENOMEM;
	buffer[index] = 0x41; /* BUG: heap-overflow */
	pr_info("the bad write %s\n", READ_ONCE(buffer[index]) == 0x41 ? "landed" : "did not land");
	kfree(buffer);
	return 0;
}

static void __exit buggy_overflow_exit(void)
{
}

module_init(buggy_overflow_init);
module_exit(buggy_overflow_exit);

MODULE_DESCRIPTION("Chariot buggy example: heap overflow by one byte");
MODULE_LICENSE("GPL");
