// A module of two compilation units: each has its own line program and unit in .debug_info.
#include <linux/init.h>
#include <linux/module.h>
#include "twounits.h"

static int __init twounits_init(void)
{
	pr_info("twounits: %d\n", twounits_checksum("chariot", 7));
	return 0;
}

static void __exit twounits_exit(void)
{
	pr_info("twounits: bye\n");
}

module_init(twounits_init);
module_exit(twounits_exit);
MODULE_LICENSE("GPL");
