// SPDX-License-Identifier: GPL-2.0
/*
 * A buggy example for Chariot: memset of 24 bytes into a 16-byte kmalloc'ed buffer. The kernel's
 * memset writes past the end on the driver's behalf, so Chariot must report a heap-overflow at the
 * driver's call (the marked line); with the block policy the bytes past the end never land.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/init.h>
#include <linux/module.h>
#include <linux/moduleparam.h>
#include <linux/slab.h>
#include <linux/string.h>

static int length = 24;
module_param(length, int, 0444);
MODULE_PARM_DESC(length, "how many bytes to set in the 16-byte buffer (default: 24, 8 too many)");

static int __init buggy_memset_init(void)
{
	char *buffer = kmalloc(16, GFP_KERNEL);

	if (!buffer)
		return -ENOMEM;
	memset(buffer, 0x5a, length); /* BUG: heap-overflow */
	pr_info("the bad write %s\n", READ_ONCE(buffer[16]) == 0x5a ? "landed" : "did not land");
	kfree(buffer);
	return 0;
}

static void __exit buggy_memset_exit(void)
{
}

module_init(buggy_memset_init);
module_exit(buggy_memset_exit);

MODULE_DESCRIPTION("Chariot buggy example: memset past the end of a buffer");
MODULE_LICENSE("GPL");
