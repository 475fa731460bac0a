// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit suite for the chardev example, a module of its own that `chariot run --kunit` loads after
 * chardev: each case opens /dev/chariot_chardev and calls the driver's file operations through the
 * VFS, the driver isolated. A kernel thread has no user memory, so the cases cover what needs none:
 * open and release, llseek, the ioctls, reading at the end, and the paths that refuse a write.
 */
#include <kunit/test.h>
#include <linux/err.h>
#include <linux/file.h>
#include <linux/fs.h>
#include <linux/module.h>

#include "chardev_ioctl.h"

#define DEVICE "/dev/chariot_chardev"
#define DEFAULT_SIZE 4096 /* chardev's buffer_size when loaded without parameters */

static int open_device(struct kunit *test)
{
	struct file *file = filp_open(DEVICE, O_RDWR, 0);

	KUNIT_ASSERT_FALSE_MSG(test, IS_ERR(file), "cannot open %s: is chardev loaded?", DEVICE);
	test->priv = file;
	return 0;
}

/* A kernel thread's last fput is deferred: flush it, so chardev can unload once the suite is done. */
static void close_file(struct file *file)
{
	filp_close(file, NULL);
	flush_delayed_fput();
}

static void close_device(struct kunit *test)
{
	close_file(test->priv);
}

static long ioctl(struct kunit *test, unsigned int command, unsigned long argument)
{
	struct file *file = test->priv;

	return file->f_op->unlocked_ioctl(file, command, argument);
}

static void chardev_test_open_gives_each_file_its_record(struct kunit *test)
{
	struct file *file = test->priv;
	struct file *second = filp_open(DEVICE, O_RDONLY, 0);

	KUNIT_ASSERT_FALSE(test, IS_ERR(second));
	KUNIT_EXPECT_NOT_ERR_OR_NULL(test, file->private_data);
	KUNIT_EXPECT_NOT_ERR_OR_NULL(test, second->private_data);
	KUNIT_EXPECT_PTR_NE(test, file->private_data, second->private_data);
	close_file(second);
}

static void chardev_test_seek_stays_within_the_buffer(struct kunit *test)
{
	struct file *file = test->priv;

	KUNIT_EXPECT_EQ(test, vfs_llseek(file, 100, SEEK_SET), 100);
	KUNIT_EXPECT_EQ(test, vfs_llseek(file, 10, SEEK_CUR), 110);
	KUNIT_EXPECT_EQ(test, vfs_llseek(file, 0, SEEK_END), DEFAULT_SIZE);
	KUNIT_EXPECT_EQ(test, vfs_llseek(file, DEFAULT_SIZE + 1, SEEK_SET), -EINVAL);
	KUNIT_EXPECT_EQ(test, vfs_llseek(file, -1, SEEK_SET), -EINVAL);
}

static void chardev_test_ioctls(struct kunit *test)
{
	u32 size;

	KUNIT_EXPECT_EQ(test, ioctl(test, CHARDEV_IOC_CLEAR, 0), 0);
	KUNIT_EXPECT_EQ(test, ioctl(test, _IO(CHARDEV_IOC_MAGIC, 9), 0), -ENOTTY);
	/* put_user refuses a kernel address: the size goes to user memory only. */
	KUNIT_EXPECT_EQ(test, ioctl(test, CHARDEV_IOC_GET_SIZE, (unsigned long)&size), -EFAULT);
}

static void chardev_test_read_after_clear_is_empty(struct kunit *test)
{
	struct file *file = test->priv;
	char data[8];
	loff_t position = 0;

	KUNIT_ASSERT_EQ(test, ioctl(test, CHARDEV_IOC_CLEAR, 0), 0);
	KUNIT_EXPECT_EQ(test, file->f_op->read(file, (char __user *)data, sizeof(data), &position), 0);
	KUNIT_EXPECT_EQ(test, position, 0);
}

static void chardev_test_write_past_the_end_is_refused(struct kunit *test)
{
	struct file *file = test->priv;
	char data[8] = "chariot";
	loff_t position = DEFAULT_SIZE;

	KUNIT_EXPECT_EQ(test, file->f_op->write(file, (const char __user *)data, sizeof(data), &position),
			-ENOSPC);
	KUNIT_EXPECT_EQ(test, position, DEFAULT_SIZE);
}

static void chardev_test_write_from_kernel_memory_is_refused(struct kunit *test)
{
	struct file *file = test->priv;
	char data[8] = "chariot";
	loff_t position = 0;

	KUNIT_EXPECT_EQ(test, file->f_op->write(file, (const char __user *)data, sizeof(data), &position),
			-EFAULT);
	KUNIT_EXPECT_EQ(test, position, 0);
}

static struct kunit_case chardev_test_cases[] = {
	KUNIT_CASE(chardev_test_open_gives_each_file_its_record),
	KUNIT_CASE(chardev_test_seek_stays_within_the_buffer),
	KUNIT_CASE(chardev_test_ioctls),
	KUNIT_CASE(chardev_test_read_after_clear_is_empty),
	KUNIT_CASE(chardev_test_write_past_the_end_is_refused),
	KUNIT_CASE(chardev_test_write_from_kernel_memory_is_refused),
	{}
};

static struct kunit_suite chardev_test_suite = {
	.name = "chardev",
	.init = open_device,
	.exit = close_device,
	.test_cases = chardev_test_cases,
};
kunit_test_suite(chardev_test_suite);

MODULE_DESCRIPTION("KUnit suite for the Chariot chardev example");
MODULE_LICENSE("GPL");
