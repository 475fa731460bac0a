// SPDX-License-Identifier: GPL-2.0
/*
 * A buggy example for Chariot: a buffer written after kfree. Chariot must report a
 * use-after-free at the marked line; with the block policy the byte never lands.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/init.h>
#include <linux/module.h>
#include <linux/slab.h>

static int __init buggy_uaf_init(void)
{
	char *buffer = kmalloc(32, GFP_KERNEL);
	/* volatile: the compiler must neither warn about nor drop the write after free */
	char *volatile stale = buffer;

	if (!buffer)
		return -ENOMEM;
	kfree(buffer);
	stale[4] = 0x42; /* BUG: use-after-free */
	pr_info("the bad write %s\n", READ_ONCE(stale[4]) == 0x42 ? "landed" : "did not land");
	return 0;
}

static void __exit buggy_uaf_exit(void)
{
}

module_init(buggy_uaf_init);
module_exit(buggy_uaf_exit);

MODULE_DESCRIPTION("Chariot buggy example: write after free");
MODULE_LICENSE("GPL");
