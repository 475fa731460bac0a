// SPDX-License-Identifier: GPL-2.0
/*
 * A buggy example for Chariot: a write into the caller's stack frame, just above the driver's own
 * (on RISC-V the frame address is the stack pointer the function was entered with). Chariot must
 * report a stack violation at the marked line; with the block policy the caller's word stays.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/init.h>
#include <linux/module.h>

static int __init buggy_stack_init(void)
{
	/* volatile: the compiler must not fold the read-back into the value just written */
	unsigned long *volatile callers = __builtin_frame_address(0);

	callers[0] = 0xdead; /* BUG: stack */
	pr_info("the bad write %s\n", READ_ONCE(callers[0]) == 0xdead ? "landed" : "did not land");
	return 0;
}

static void __exit buggy_stack_exit(void)
{
}

module_init(buggy_stack_init);
module_exit(buggy_stack_exit);

MODULE_DESCRIPTION("Chariot buggy example: write into the caller's stack frame");
MODULE_LICENSE("GPL");
