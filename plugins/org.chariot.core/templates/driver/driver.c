// SPDX-License-Identifier: GPL-2.0
/*
 * @MODULE@: a misc character device, /dev/@MODULE@, that keeps what is written to it and gives it back when
 * read. A skeleton from File > New > Chariot Driver Project: run the launch configuration "@PROJECT@" and every
 * write the driver makes outside its own memory shows in the Violations view, on the line that made it.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/fs.h>
#include <linux/init.h>
#include <linux/miscdevice.h>
#include <linux/module.h>
#include <linux/mutex.h>
#include <linux/slab.h>

#define CAPACITY 256

/* What the device holds; allocated at load time, so its bytes are the driver's to write. */
struct @MODULE@_contents {
	struct mutex lock;
	size_t length;
	char data[CAPACITY];
};

static struct @MODULE@_contents *contents;

static ssize_t @MODULE@_read(struct file *file, char __user *to, size_t count, loff_t *position)
{
	ssize_t result;

	mutex_lock(&contents->lock);
	result = simple_read_from_buffer(to, count, position, contents->data, contents->length);
	mutex_unlock(&contents->lock);
	return result;
}

static ssize_t @MODULE@_write(struct file *file, const char __user *from, size_t count, loff_t *position)
{
	ssize_t result;

	mutex_lock(&contents->lock);
	result = simple_write_to_buffer(contents->data, CAPACITY, position, from, count);
	if (result > 0 && *position > contents->length)
		contents->length = *position;
	mutex_unlock(&contents->lock);
	return result;
}

static const struct file_operations @MODULE@_fops = {
	.owner = THIS_MODULE,
	.read = @MODULE@_read,
	.write = @MODULE@_write,
	.llseek = default_llseek,
};

static struct miscdevice @MODULE@_device = {
	.minor = MISC_DYNAMIC_MINOR,
	.name = "@MODULE@",
	.fops = &@MODULE@_fops,
	.mode = 0666,
};

static int __init @MODULE@_init(void)
{
	int error;

	contents = kzalloc(sizeof(*contents), GFP_KERNEL);
	if (!contents)
		return -ENOMEM;
	mutex_init(&contents->lock);
	error = misc_register(&@MODULE@_device);
	if (error) {
		kfree(contents);
		return error;
	}
	pr_info("ready at /dev/%s\n", @MODULE@_device.name);
	return 0;
}

static void __exit @MODULE@_exit(void)
{
	misc_deregister(&@MODULE@_device);
	kfree(contents);
}

module_init(@MODULE@_init);
module_exit(@MODULE@_exit);

MODULE_DESCRIPTION("@MODULE@: a misc character device that gives back what was written to it");
MODULE_LICENSE("GPL");
