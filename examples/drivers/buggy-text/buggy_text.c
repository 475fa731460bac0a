// SPDX-License-Identifier: GPL-2.0
/*
 * A buggy example for Chariot: a write into the kernel's code (the first byte of _printk, which
 * this kernel maps writable: no CONFIG_STRICT_KERNEL_RWX). Chariot must report kernel-text at
 * the marked line; with the block policy the code stays intact and printk keeps working.
 * Run it with the block policy only: a landed write breaks printk.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/init.h>
#include <linux/module.h>
#include <linux/printk.h>

static int __init buggy_text_init(void)
{
	/* volatile: the compiler must not fold the read-back into the value just written */
	unsigned char *volatile code = (unsigned char *)_printk;
	unsigned char before = READ_ONCE(code[0]);

	code[0] = before ^ 0xff; /* BUG: kernel-text */
	pr_info("the bad write %s\n", READ_ONCE(code[0]) != before ? "landed" : "did not land");
	return 0;
}

static void __exit buggy_text_exit(void)
{
}

module_init(buggy_text_init);
module_exit(buggy_text_exit);

MODULE_DESCRIPTION("Chariot buggy example: write into kernel code");
MODULE_LICENSE("GPL");
