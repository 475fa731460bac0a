// SPDX-License-Identifier: GPL-2.0
/* A module whose init fails with -ENODEV, to show how a failed load is reported. */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/errno.h>
#include <linux/init.h>
#include <linux/module.h>
#include <linux/printk.h>

static int __init fails_init(void)
{
	pr_info("no device here, refusing to load\n");
	return -ENODEV;
}

module_init(fails_init);

MODULE_DESCRIPTION("Chariot example: a module that refuses to load");
MODULE_LICENSE("GPL");
