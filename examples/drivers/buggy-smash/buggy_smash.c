// SPDX-License-Identifier: GPL-2.0
/*
 * A buggy example for Chariot: a write past a local array onto the function's own saved return
 * address. The slot is in the driver's own frame, but only the prologue that saved it may write
 * it, so Chariot must report a stack violation at the marked line; with the block policy the
 * return address survives and the function returns normally (a landed write would crash).
 * The index is a parameter: 3 is the saved return address above local[] in this kernel's
 * compiler's frame layout for smash() (riscv64-linux-gnu-objdump -d buggy_smash.ko shows it).
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/init.h>
#include <linux/module.h>
#include <linux/moduleparam.h>

static int index = 3;
module_param(index, int, 0444);
MODULE_PARM_DESC(index, "which word above local[] to overwrite (default: 3, the saved return address)");

static noinline unsigned long smash(void)
{
	unsigned long local[2] = { 1, 2 };
	unsigned long *volatile words = local;

	words[index] = 0x4141414141414141UL; /* BUG: stack */
	pr_info("smash returns\n");
	return words[0] + words[1];
}

static int __init buggy_smash_init(void)
{
	pr_info("the bad write %s\n", smash() == 3 ? "did not land" : "landed");
	return 0;
}

static void __exit buggy_smash_exit(void)
{
}

module_init(buggy_smash_init);
module_exit(buggy_smash_exit);

MODULE_DESCRIPTION("Chariot buggy example: overwrite of a saved return address in the driver's own frame");
MODULE_LICENSE("GPL");
