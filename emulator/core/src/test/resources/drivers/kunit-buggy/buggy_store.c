// SPDX-License-Identifier: GPL-2.0
/* A driver function that trusts its caller's count: more than 16 bytes overflow its buffer. */
#include <linux/module.h>
#include <linux/slab.h>

int buggy_store_fill(size_t count)
{
	char *buffer = kmalloc(16, GFP_KERNEL);
	size_t i;

	if (!buffer)
		return -ENOMEM;
	for (i = 0; i < count; i++)
		buffer[i] = 'A'; /* BUG: overflows when count > 16 */
	kfree(buffer);
	return 0;
}
EXPORT_SYMBOL_GPL(buggy_store_fill);

MODULE_DESCRIPTION("Chariot test driver: a heap overflow on request");
MODULE_LICENSE("GPL");
