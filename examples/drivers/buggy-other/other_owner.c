// SPDX-License-Identifier: GPL-2.0
/*
 * The victim of the buggy-other example: a correct module that owns a counter and exports it
 * (for reading). Its own write to the counter is legal; other_writer's is not.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/init.h>
#include <linux/module.h>

int other_owner_counter;
EXPORT_SYMBOL(other_owner_counter);

static int __init other_owner_init(void)
{
	other_owner_counter = 1;
	return 0;
}

static void __exit other_owner_exit(void)
{
	pr_info("counter at unload: %d\n", other_owner_counter);
}

module_init(other_owner_init);
module_exit(other_owner_exit);

MODULE_DESCRIPTION("Chariot buggy example: the module whose data another one overwrites");
MODULE_LICENSE("GPL");
