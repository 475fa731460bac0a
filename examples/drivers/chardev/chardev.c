// SPDX-License-Identifier: GPL-2.0
/*
 * A misc character device, /dev/chariot_chardev, that keeps what is written to it in a
 * kmalloc'ed buffer: read and write at the file position, llseek within the buffer, and two
 * ioctls (clear, get size). Each open gets its own small record in file->private_data.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/fs.h>
#include <linux/init.h>
#include <linux/miscdevice.h>
#include <linux/module.h>
#include <linux/moduleparam.h>
#include <linux/mutex.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/uaccess.h>

#include "chardev_ioctl.h"

#define DEVICE_NAME "chariot_chardev"

static unsigned int buffer_size = 4096;
module_param(buffer_size, uint, 0444);
MODULE_PARM_DESC(buffer_size, "capacity of the device's buffer in bytes (default: 4096)");

/* The device's contents; bytes past "used" have never been written since the last clear. */
static struct {
	struct mutex lock;
	char *data;
	size_t used;
} buffer;

/* What one open file has done, reported when it is closed. */
struct open_file {
	size_t bytes_read;
	size_t bytes_written;
};

static int chardev_open(struct inode *inode, struct file *file)
{
	struct open_file *open_file = kzalloc(sizeof(*open_file), GFP_KERNEL);

	if (!open_file)
		return -ENOMEM;
	file->private_data = open_file;
	return 0;
}

static int chardev_release(struct inode *inode, struct file *file)
{
	struct open_file *open_file = file->private_data;

	pr_info("closed after reading %zu and writing %zu bytes\n",
		open_file->bytes_read, open_file->bytes_written);
	kfree(open_file);
	return 0;
}

static ssize_t chardev_read(struct file *file, char __user *to, size_t count, loff_t *position)
{
	struct open_file *open_file = file->private_data;
	ssize_t result;

	mutex_lock(&buffer.lock);
	if (*position >= buffer.used) {
		result = 0;
	} else {
		count = min_t(size_t, count, buffer.used - *position);
		if (copy_to_user(to, buffer.data + *position, count)) {
			result = -EFAULT;
		} else {
			*position += count;
			open_file->bytes_read += count;
			result = count;
		}
	}
	mutex_unlock(&buffer.lock);
	return result;
}

static ssize_t chardev_write(struct file *file, const char __user *from, size_t count,
			     loff_t *position)
{
	struct open_file *open_file = file->private_data;
	ssize_t result;

	mutex_lock(&buffer.lock);
	if (*position >= buffer_size) {
		result = -ENOSPC;
	} else {
		count = min_t(size_t, count, buffer_size - *position);
		if (copy_from_user(buffer.data + *position, from, count)) {
			result = -EFAULT;
		} else {
			*position += count;
			buffer.used = max_t(size_t, buffer.used, *position);
			open_file->bytes_written += count;
			result = count;
		}
	}
	mutex_unlock(&buffer.lock);
	return result;
}

static loff_t chardev_llseek(struct file *file, loff_t offset, int whence)
{
	return fixed_size_llseek(file, offset, whence, buffer_size);
}

static long chardev_ioctl(struct file *file, unsigned int command, unsigned long argument)
{
	switch (command) {
	case CHARDEV_IOC_CLEAR:
		mutex_lock(&buffer.lock);
		memset(buffer.data, 0, buffer_size);
		buffer.used = 0;
		mutex_unlock(&buffer.lock);
		return 0;
	case CHARDEV_IOC_GET_SIZE:
		return put_user((__u32)buffer_size, (__u32 __user *)argument);
	default:
		return -ENOTTY;
	}
}

static const struct file_operations chardev_fops = {
	.owner = THIS_MODULE,
	.open = chardev_open,
	.release = chardev_release,
	.read = chardev_read,
	.write = chardev_write,
	.llseek = chardev_llseek,
	.unlocked_ioctl = chardev_ioctl,
};

static struct miscdevice chardev_device = {
	.minor = MISC_DYNAMIC_MINOR,
	.name = DEVICE_NAME,
	.fops = &chardev_fops,
	.mode = 0666,
};

static int __init chardev_init(void)
{
	int error;

	if (!buffer_size) {
		pr_err("buffer_size must be at least 1\n");
		return -EINVAL;
	}
	mutex_init(&buffer.lock);
	buffer.data = kzalloc(buffer_size, GFP_KERNEL);
	if (!buffer.data)
		return -ENOMEM;
	error = misc_register(&chardev_device);
	if (error) {
		kfree(buffer.data);
		return error;
	}
	pr_info("/dev/%s ready, %u bytes\n", DEVICE_NAME, buffer_size);
	return 0;
}

static void __exit chardev_exit(void)
{
	misc_deregister(&chardev_device);
	kfree(buffer.data);
	pr_info("/dev/%s removed\n", DEVICE_NAME);
}

module_init(chardev_init);
module_exit(chardev_exit);

MODULE_DESCRIPTION("Chariot example: a misc character device backed by a kmalloc'ed buffer");
MODULE_LICENSE("GPL");
