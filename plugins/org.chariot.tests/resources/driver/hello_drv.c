// SPDX-License-Identifier: GPL-2.0
/* A small character driver with three bugs that Chariot must catch. */
#include <linux/fs.h>
#include <linux/miscdevice.h>
#include <linux/module.h>
#include <linux/slab.h>
#include <linux/uaccess.h>

static char *buffer;
static int opened;

static int hello_open(struct inode *inode, struct file *file)
{
	buffer = kmalloc(16, GFP_KERNEL);
	return buffer ? 0 : -ENOMEM;
}

static ssize_t hello_write(struct file *file, const char __user *data,
			   size_t count, loff_t *offset)
{
	size_t i;

	for (i = 0; i <= 16; i++)
		buffer[i] = 'A'; /* one byte past the 16-byte object */
	return count;
}

static int hello_release(struct inode *inode, struct file *file)
{
	kfree(buffer);
	buffer[0] = 0; /* write after free */
	return 0;
}

static int __init hello_init(void)
{
	jiffies = 0; /* a kernel global */
	opened = 0;
	return 0;
}

static void __exit hello_exit(void)
{
}

module_init(hello_init);
module_exit(hello_exit);
MODULE_LICENSE("GPL");
