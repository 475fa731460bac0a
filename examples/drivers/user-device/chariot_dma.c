// SPDX-License-Identifier: GPL-2.0
/*
 * Platform driver for a device that exists only as a description: dma-copy.device, a DMA copy
 * engine with a completion interrupt, which `chariot run --device dma-copy.device` adds to the
 * machine. Matched from the device tree by "chariot,dma-copy". User space writes up to 256 bytes
 * to /dev/chariot_dma; the driver puts them in a coherent DMA buffer, has the engine copy them to a
 * second one, waits for its interrupt, and the next read() returns the copy.
 */
#include <linux/completion.h>
#include <linux/dma-mapping.h>
#include <linux/fs.h>
#include <linux/interrupt.h>
#include <linux/io.h>
#include <linux/io-64-nonatomic-lo-hi.h>
#include <linux/jiffies.h>
#include <linux/miscdevice.h>
#include <linux/mod_devicetable.h>
#include <linux/module.h>
#include <linux/mutex.h>
#include <linux/platform_device.h>
#include <linux/uaccess.h>

#include "chariot_dma.h"

#define REG_ID 0x00
#define REG_SOURCE 0x08
#define REG_DEST 0x10
#define REG_LENGTH 0x18
#define REG_GO 0x1c
#define REG_STATUS 0x20
#define REG_IRQ_MASK 0x24
#define REG_TRANSFERS 0x28

#define DEVICE_ID 0x444d4131 /* "DMA1" */
#define STATUS_DONE BIT(0)
#define TRANSFER_TIMEOUT_MS 1000

struct chariot_dma {
	struct device *dev;
	void __iomem *registers;
	struct miscdevice misc;
	struct mutex lock; /* one transfer at a time; guards length */
	struct completion done;
	void *source, *dest;
	dma_addr_t source_bus, dest_bus;
	size_t length; /* bytes of the last transfer, what read() returns */
};

static irqreturn_t chariot_dma_interrupt(int irq, void *data)
{
	struct chariot_dma *dma = data;

	if (!(readl(dma->registers + REG_STATUS) & STATUS_DONE))
		return IRQ_NONE;
	writel(STATUS_DONE, dma->registers + REG_STATUS);
	complete(&dma->done);
	return IRQ_HANDLED;
}

/* Copies length bytes from the source buffer to the destination buffer through the engine. */
static int chariot_dma_transfer(struct chariot_dma *dma, size_t length)
{
	reinit_completion(&dma->done);
	lo_hi_writeq(dma->source_bus, dma->registers + REG_SOURCE);
	lo_hi_writeq(dma->dest_bus, dma->registers + REG_DEST);
	writel(length, dma->registers + REG_LENGTH);
	writel(1, dma->registers + REG_GO);
	if (!wait_for_completion_timeout(&dma->done, msecs_to_jiffies(TRANSFER_TIMEOUT_MS))) {
		dev_err(dma->dev, "no completion interrupt within %d ms\n", TRANSFER_TIMEOUT_MS);
		return -ETIMEDOUT;
	}
	dev_info(dma->dev, "transfer %u done: %zu bytes\n", readl(dma->registers + REG_TRANSFERS), length);
	return 0;
}

static struct chariot_dma *from_file(struct file *file)
{
	return container_of(file->private_data, struct chariot_dma, misc);
}

static ssize_t chariot_dma_write(struct file *file, const char __user *buffer, size_t count, loff_t *position)
{
	struct chariot_dma *dma = from_file(file);
	size_t length = min_t(size_t, count, CHARIOT_DMA_MAX);
	int error;

	if (copy_from_user(dma->source, buffer, length))
		return -EFAULT;
	mutex_lock(&dma->lock);
	memset(dma->dest, 0, CHARIOT_DMA_MAX);
	error = chariot_dma_transfer(dma, length);
	if (!error)
		dma->length = length;
	mutex_unlock(&dma->lock);
	return error ? error : length;
}

static ssize_t chariot_dma_read(struct file *file, char __user *buffer, size_t count, loff_t *position)
{
	struct chariot_dma *dma = from_file(file);
	ssize_t copied;

	mutex_lock(&dma->lock);
	copied = simple_read_from_buffer(buffer, count, position, dma->dest, dma->length);
	mutex_unlock(&dma->lock);
	return copied;
}

static const struct file_operations chariot_dma_fops = {
	.owner = THIS_MODULE,
	.write = chariot_dma_write,
	.read = chariot_dma_read,
	.llseek = default_llseek,
};

static int chariot_dma_probe(struct platform_device *pdev)
{
	struct chariot_dma *dma;
	u32 id;
	int irq, error;

	dma = devm_kzalloc(&pdev->dev, sizeof(*dma), GFP_KERNEL);
	if (!dma)
		return -ENOMEM;
	dma->dev = &pdev->dev;
	mutex_init(&dma->lock);
	init_completion(&dma->done);
	dma->registers = devm_platform_ioremap_resource(pdev, 0);
	if (IS_ERR(dma->registers))
		return PTR_ERR(dma->registers);
	id = readl(dma->registers + REG_ID);
	if (id != DEVICE_ID) {
		dev_err(&pdev->dev, "unexpected id 0x%08x\n", id);
		return -ENODEV;
	}
	error = dma_set_mask_and_coherent(&pdev->dev, DMA_BIT_MASK(64));
	if (error)
		return error;
	dma->source = dmam_alloc_coherent(&pdev->dev, CHARIOT_DMA_MAX, &dma->source_bus, GFP_KERNEL);
	dma->dest = dmam_alloc_coherent(&pdev->dev, CHARIOT_DMA_MAX, &dma->dest_bus, GFP_KERNEL);
	if (!dma->source || !dma->dest)
		return -ENOMEM;
	irq = platform_get_irq(pdev, 0);
	if (irq < 0)
		return irq;
	writel(STATUS_DONE, dma->registers + REG_STATUS);
	error = devm_request_irq(&pdev->dev, irq, chariot_dma_interrupt, 0, dev_name(&pdev->dev), dma);
	if (error)
		return error;
	writel(STATUS_DONE, dma->registers + REG_IRQ_MASK);
	dma->misc.minor = MISC_DYNAMIC_MINOR;
	dma->misc.name = "chariot_dma";
	dma->misc.fops = &chariot_dma_fops;
	dma->misc.parent = &pdev->dev;
	error = misc_register(&dma->misc);
	if (error)
		return error;
	platform_set_drvdata(pdev, dma);
	dev_info(&pdev->dev, "DMA engine id 0x%08x, buffers at %pad and %pad\n", id, &dma->source_bus,
		 &dma->dest_bus);
	return 0;
}

static int chariot_dma_remove(struct platform_device *pdev)
{
	struct chariot_dma *dma = platform_get_drvdata(pdev);

	misc_deregister(&dma->misc);
	writel(0, dma->registers + REG_IRQ_MASK);
	dev_info(&pdev->dev, "%u transfers\n", readl(dma->registers + REG_TRANSFERS));
	return 0;
}

static const struct of_device_id chariot_dma_of_match[] = {
	{ .compatible = "chariot,dma-copy" },
	{ }
};
MODULE_DEVICE_TABLE(of, chariot_dma_of_match);

static struct platform_driver chariot_dma_driver = {
	.probe = chariot_dma_probe,
	.remove = chariot_dma_remove,
	.driver = {
		.name = "chariot_dma",
		.of_match_table = chariot_dma_of_match,
	},
};
module_platform_driver(chariot_dma_driver);

MODULE_DESCRIPTION("Chariot example: a driver for a described DMA copy engine");
MODULE_LICENSE("GPL");
