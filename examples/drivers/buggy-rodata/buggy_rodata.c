// SPDX-License-Identifier: GPL-2.0
/*
 * A buggy example for Chariot: a write into the kernel's read-only data (hex_asc, the digits
 * every hex dump uses, which this kernel maps writable: no CONFIG_STRICT_KERNEL_RWX). Chariot must
 * report kernel-rodata at the marked line; with the block policy the digits stay.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/module.h>

static int __init buggy_rodata_init(void)
{
	/* volatile: the compiler must not fold the read-back into the value just written */
	char *volatile digits = (char *)hex_asc;

	digits[0] = 'X'; /* BUG: kernel-rodata */
	pr_info("the bad write %s\n", READ_ONCE(digits[0]) == 'X' ? "landed" : "did not land");
	return 0;
}

static void __exit buggy_rodata_exit(void)
{
}

module_init(buggy_rodata_init);
module_exit(buggy_rodata_exit);

MODULE_DESCRIPTION("Chariot buggy example: write to kernel read-only data");
MODULE_LICENSE("GPL");
