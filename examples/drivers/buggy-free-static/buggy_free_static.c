// SPDX-License-Identifier: GPL-2.0
/*
 * A buggy example for Chariot: a free of memory that no allocator handed out. The driver names
 * its device in a static buffer unless a parameter asks for a longer name, which it allocates;
 * on the way out it frees the name whichever it is. Chariot must report an invalid-free at the
 * marked line; with the block policy kfree never sees the static buffer (it would take it for a
 * page of the heap and corrupt the allocator).
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/init.h>
#include <linux/module.h>
#include <linux/moduleparam.h>
#include <linux/slab.h>
#include <linux/string.h>

static int name_length = 8;
module_param(name_length, int, 0444);
MODULE_PARM_DESC(name_length, "how long a name the device gets (default: 8, which fits the static buffer)");

static char default_name[16] = "device0";

static int __init buggy_free_static_init(void)
{
	char *name = name_length < sizeof(default_name) ? default_name : kzalloc(name_length, GFP_KERNEL);
	u8 first = READ_ONCE(default_name[0]);

	if (!name)
		return -ENOMEM;
	pr_info("named %s\n", name);
	kfree(name); /* BUG: invalid-free */
	pr_info("the bad free %s\n", READ_ONCE(default_name[0]) != first ? "happened" : "did not happen");
	return 0;
}

static void __exit buggy_free_static_exit(void)
{
}

module_init(buggy_free_static_init);
module_exit(buggy_free_static_exit);

MODULE_DESCRIPTION("Chariot buggy example: a static buffer freed");
MODULE_LICENSE("GPL");
