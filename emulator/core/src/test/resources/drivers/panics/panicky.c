// SPDX-License-Identifier: GPL-2.0
/* A driver that brings the kernel down as it loads. */
#include <linux/module.h>
#include <linux/panic.h>

static int __init panicky_init(void)
{
	panic("panicky: giving up");
	return 0;
}
module_init(panicky_init);
MODULE_LICENSE("GPL");
