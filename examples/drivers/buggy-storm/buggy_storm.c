// SPDX-License-Identifier: GPL-2.0
/*
 * A buggy example for Chariot: a violation storm. A loop that should fill a 16-byte buffer runs
 * on past its end thousands of times, always into the same 8 bytes after it. Chariot must report
 * every one of these heap-overflows on its event stream while the console shows the first few
 * in full and then a count; with the block policy none lands. The count is a parameter so that
 * the compiler cannot see (and warn about) the overflow.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/init.h>
#include <linux/module.h>
#include <linux/moduleparam.h>
#include <linux/slab.h>

static int writes = 5000;
module_param(writes, int, 0444);
MODULE_PARM_DESC(writes, "how many bytes the loop writes past the 16-byte buffer (default: 5000)");

static int __init buggy_storm_init(void)
{
	u8 *buffer = kmalloc(16, GFP_KERNEL);
	int i, landed = 0;

	if (!buffer)
		return -ENOMEM;
	for (i = 0; i < writes; i++) {
		buffer[16 + (i & 7)] = 0x5a; /* BUG: heap-overflow */
		landed += READ_ONCE(buffer[16 + (i & 7)]) == 0x5a;
	}
	pr_info("%d of %d bad writes landed\n", landed, writes);
	kfree(buffer);
	return 0;
}

static void __exit buggy_storm_exit(void)
{
}

module_init(buggy_storm_init);
module_exit(buggy_storm_exit);

MODULE_DESCRIPTION("Chariot buggy example: thousands of heap overflows from one loop");
MODULE_LICENSE("GPL");
