// SPDX-License-Identifier: GPL-2.0
/*
 * A buggy example for Chariot: a table of eight records written at record 40, a kilobyte past
 * its end (a count taken for an index). Chariot must report a heap-overflow at the marked line,
 * naming the table; with the block policy the byte never lands. The index is a parameter so that
 * the compiler cannot see (and warn about) the overflow.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/init.h>
#include <linux/module.h>
#include <linux/moduleparam.h>
#include <linux/slab.h>

#define RECORDS 8

struct record {
	char name[32];
};

static int index = 40;
module_param(index, int, 0444);
MODULE_PARM_DESC(index, "which record to name in the table of 8 (default: 40, 1024 bytes past its end)");

static int __init buggy_far_overflow_init(void)
{
	struct record *table = kmalloc_array(RECORDS, sizeof(*table), GFP_KERNEL);

	if (!table)
		return -ENOMEM;
	table[index].name[0] = 'x'; /* BUG: heap-overflow */
	pr_info("the bad write %s\n", READ_ONCE(table[index].name[0]) == 'x' ? "landed" : "did not land");
	kfree(table);
	return 0;
}

static void __exit buggy_far_overflow_exit(void)
{
}

module_init(buggy_far_overflow_init);
module_exit(buggy_far_overflow_exit);

MODULE_DESCRIPTION("Chariot buggy example: heap overflow a kilobyte past the end");
MODULE_LICENSE("GPL");
