// SPDX-License-Identifier: GPL-2.0
/* A driver whose init finds no device and refuses to load. */
#include <linux/module.h>

static int __init nodevice_init(void)
{
	pr_info("nodevice: no device found\n");
	return -ENODEV;
}
module_init(nodevice_init);
MODULE_LICENSE("GPL");
