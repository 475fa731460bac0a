// SPDX-License-Identifier: GPL-2.0
/*
 * A buggy example for Chariot: a buffer freed by init when it is done with it, and freed again at
 * unload. The exit function's kfree is its last act, so the compiler makes it a tail call: a jump
 * with no return address into the driver. Chariot must still report the invalid-free at the
 * marked line; with the block policy the second kfree never runs. Whether init frees the buffer
 * is a parameter so that the compiler cannot see (and warn about) the double free.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/init.h>
#include <linux/module.h>
#include <linux/moduleparam.h>
#include <linux/slab.h>

static bool free_early = true;
module_param(free_early, bool, 0444);
MODULE_PARM_DESC(free_early, "whether init already frees the buffer (default: yes, so unload frees it twice)");

static char *buffer;

static int __init buggy_exit_free_init(void)
{
	buffer = kmalloc(32, GFP_KERNEL);
	if (!buffer)
		return -ENOMEM;
	if (free_early)
		kfree(buffer);
	return 0;
}

static void __exit buggy_exit_free_exit(void)
{
	kfree(buffer); /* BUG: invalid-free */
}

module_init(buggy_exit_free_init);
module_exit(buggy_exit_free_exit);

MODULE_DESCRIPTION("Chariot buggy example: double free by a tail call at unload");
MODULE_LICENSE("GPL");
