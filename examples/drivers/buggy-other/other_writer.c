// SPDX-License-Identifier: GPL-2.0
/*
 * A buggy example for Chariot: a module that writes into another isolated module's data (the
 * counter other_owner exports for reading). Chariot must report other-driver at the marked line;
 * with the block policy the owner's counter keeps its value.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/init.h>
#include <linux/module.h>

extern int other_owner_counter;

static int __init other_writer_init(void)
{
	/* volatile: the compiler must not fold the read-back into the value just written */
	int *volatile target = &other_owner_counter;

	*target = 7; /* BUG: other-driver */
	pr_info("the bad write %s\n", READ_ONCE(other_owner_counter) == 7 ? "landed" : "did not land");
	return 0;
}

static void __exit other_writer_exit(void)
{
}

module_init(other_writer_init);
module_exit(other_writer_exit);

MODULE_DESCRIPTION("Chariot buggy example: write into another isolated module");
MODULE_LICENSE("GPL");
