// SPDX-License-Identifier: GPL-2.0
/*
 * A buggy example for Chariot: a buffer freed twice. Chariot must report an invalid-free at the
 * marked line; with the block policy the second kfree never runs. The number of frees is a
 * parameter so that the compiler cannot see (and warn about) the double free.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/init.h>
#include <linux/module.h>
#include <linux/moduleparam.h>
#include <linux/slab.h>

static int frees = 2;
module_param(frees, int, 0444);
MODULE_PARM_DESC(frees, "how many times to free the buffer (default: 2, once too many)");

static int __init buggy_double_free_init(void)
{
	char *buffer = kmalloc(32, GFP_KERNEL);
	char *first, *second;
	int i;

	if (!buffer)
		return -ENOMEM;
	for (i = 0; i < frees; i++)
		kfree(buffer); /* BUG: invalid-free */
	/* had the second free run, the object would be on the free list twice: handed out twice */
	first = kmalloc(32, GFP_KERNEL);
	second = kmalloc(32, GFP_KERNEL);
	pr_info("the bad free %s\n", first && first == second ? "happened" : "did not happen");
	kfree(first);
	if (second != first)
		kfree(second);
	return 0;
}

static void __exit buggy_double_free_exit(void)
{
}

module_init(buggy_double_free_init);
module_exit(buggy_double_free_exit);

MODULE_DESCRIPTION("Chariot buggy example: double free");
MODULE_LICENSE("GPL");
