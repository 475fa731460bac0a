// SPDX-License-Identifier: GPL-2.0
/* The smallest Chariot example: a greeting on load and on unload, to whom a parameter says. */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/init.h>
#include <linux/module.h>
#include <linux/moduleparam.h>
#include <linux/printk.h>

static char *whom = "world";
module_param(whom, charp, 0444);
MODULE_PARM_DESC(whom, "who to greet (default: world)");

static int __init hello_init(void)
{
	pr_info("hello, %s\n", whom);
	return 0;
}

static void __exit hello_exit(void)
{
	pr_info("goodbye, %s\n", whom);
}

module_init(hello_init);
module_exit(hello_exit);

MODULE_DESCRIPTION("Chariot example: hello");
MODULE_LICENSE("GPL");
