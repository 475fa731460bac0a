// SPDX-License-Identifier: GPL-2.0
/*
 * PCI driver for the Chariot example PCI device (DEVICE.md), matched by its vendor and device id.
 * It maps the register BAR and the buffer BAR, becomes bus master, and offers the device's buffer
 * as /dev/chariot_pci: write() has the device copy the bytes in from guest memory by DMA, read()
 * has it copy them back out, each transfer finished by the device's shared INTx interrupt.
 */
#include <linux/completion.h>
#include <linux/dma-mapping.h>
#include <linux/fs.h>
#include <linux/interrupt.h>
#include <linux/io.h>
#include <linux/jiffies.h>
#include <linux/miscdevice.h>
#include <linux/module.h>
#include <linux/mutex.h>
#include <linux/pci.h>
#include <linux/slab.h>
#include <linux/uaccess.h>

#include "chariot_pci.h"

#define PCI_VENDOR_ID_CHARIOT 0x1234
#define PCI_DEVICE_ID_CHARIOT_EXAMPLE 0xc4a1
#define REGISTERS_BAR 0
#define BUFFER_BAR 2

#define REG_ID 0x00
#define REG_STATUS 0x04
#define REG_INTERRUPT_ENABLE 0x08
#define REG_COMMAND 0x0c
#define REG_DMA_ADDRESS_LOW 0x10
#define REG_DMA_ADDRESS_HIGH 0x14
#define REG_LENGTH 0x18
#define REG_OFFSET 0x1c
#define REG_CHECKSUM 0x20
#define REG_TRANSFERS 0x24

#define DEVICE_ID 0x43504349 /* "CPCI" */
#define STATUS_DONE BIT(0)
#define STATUS_ERROR BIT(1)
#define COMMAND_TO_DEVICE 1
#define COMMAND_FROM_DEVICE 2
#define TRANSFER_TIMEOUT_MS 1000

struct chariot_pci {
	struct pci_dev *pdev;
	void __iomem *registers;
	void __iomem *buffer;
	struct miscdevice misc;
	struct mutex lock; /* one transfer at a time; guards staging and status */
	struct completion done;
	u32 status;    /* what the interrupt found in STATUS */
	void *staging; /* the bytes of one transfer, mapped for DMA while it runs */
};

static irqreturn_t chariot_pci_interrupt(int irq, void *data)
{
	struct chariot_pci *chariot = data;
	u32 status = readl(chariot->registers + REG_STATUS);

	if (!(status & (STATUS_DONE | STATUS_ERROR)))
		return IRQ_NONE; /* the line is shared: another device's */
	writel(status, chariot->registers + REG_STATUS);
	chariot->status = status;
	complete(&chariot->done);
	return IRQ_HANDLED;
}

/* Moves length bytes between staging and the buffer at offset, in the given direction. */
static int chariot_pci_transfer(struct chariot_pci *chariot, u32 command, loff_t offset, size_t length)
{
	struct device *dev = &chariot->pdev->dev;
	enum dma_data_direction direction = command == COMMAND_TO_DEVICE ? DMA_TO_DEVICE : DMA_FROM_DEVICE;
	dma_addr_t bus;
	int error = 0;

	bus = dma_map_single(dev, chariot->staging, length, direction);
	if (dma_mapping_error(dev, bus))
		return -ENOMEM;
	reinit_completion(&chariot->done);
	writel(lower_32_bits(bus), chariot->registers + REG_DMA_ADDRESS_LOW);
	writel(upper_32_bits(bus), chariot->registers + REG_DMA_ADDRESS_HIGH);
	writel(length, chariot->registers + REG_LENGTH);
	writel(offset, chariot->registers + REG_OFFSET);
	writel(command, chariot->registers + REG_COMMAND);
	if (!wait_for_completion_timeout(&chariot->done, msecs_to_jiffies(TRANSFER_TIMEOUT_MS))) {
		dev_err(dev, "no interrupt within %d ms\n", TRANSFER_TIMEOUT_MS);
		error = -ETIMEDOUT;
	} else if (chariot->status & STATUS_ERROR) {
		dev_err(dev, "the device refused a transfer of %zu bytes at %lld\n", length, offset);
		error = -EIO;
	}
	dma_unmap_single(dev, bus, length, direction);
	return error;
}

static struct chariot_pci *from_file(struct file *file)
{
	return container_of(file->private_data, struct chariot_pci, misc);
}

static ssize_t chariot_pci_write(struct file *file, const char __user *data, size_t count, loff_t *position)
{
	struct chariot_pci *chariot = from_file(file);
	size_t length;
	int error;

	if (*position >= CHARIOT_PCI_BUFFER_SIZE)
		return -ENOSPC;
	length = min_t(size_t, count, CHARIOT_PCI_BUFFER_SIZE - *position);
	if (!length)
		return 0;
	mutex_lock(&chariot->lock);
	error = copy_from_user(chariot->staging, data, length) ? -EFAULT :
		chariot_pci_transfer(chariot, COMMAND_TO_DEVICE, *position, length);
	mutex_unlock(&chariot->lock);
	if (error)
		return error;
	*position += length;
	return length;
}

static ssize_t chariot_pci_read(struct file *file, char __user *data, size_t count, loff_t *position)
{
	struct chariot_pci *chariot = from_file(file);
	size_t length;
	int error;

	if (*position >= CHARIOT_PCI_BUFFER_SIZE)
		return 0;
	length = min_t(size_t, count, CHARIOT_PCI_BUFFER_SIZE - *position);
	if (!length)
		return 0;
	mutex_lock(&chariot->lock);
	error = chariot_pci_transfer(chariot, COMMAND_FROM_DEVICE, *position, length);
	if (!error && copy_to_user(data, chariot->staging, length))
		error = -EFAULT;
	mutex_unlock(&chariot->lock);
	if (error)
		return error;
	*position += length;
	return length;
}

/* Copies a window of the buffer to user space straight through BAR 2. */
static long chariot_pci_peek(struct chariot_pci *chariot, struct chariot_pci_peek __user *argument)
{
	struct chariot_pci_peek peek;
	long error = 0;

	if (copy_from_user(&peek, argument, sizeof(peek)))
		return -EFAULT;
	if (peek.offset > CHARIOT_PCI_BUFFER_SIZE || peek.length > CHARIOT_PCI_BUFFER_SIZE - peek.offset)
		return -EINVAL;
	mutex_lock(&chariot->lock);
	memcpy_fromio(chariot->staging, chariot->buffer + peek.offset, peek.length);
	if (copy_to_user(u64_to_user_ptr(peek.data), chariot->staging, peek.length))
		error = -EFAULT;
	mutex_unlock(&chariot->lock);
	return error;
}

static long chariot_pci_ioctl(struct file *file, unsigned int command, unsigned long argument)
{
	struct chariot_pci *chariot = from_file(file);

	switch (command) {
	case CHARIOT_PCI_CHECKSUM:
		return put_user(readl(chariot->registers + REG_CHECKSUM), (u32 __user *)argument);
	case CHARIOT_PCI_PEEK:
		return chariot_pci_peek(chariot, (struct chariot_pci_peek __user *)argument);
	default:
		return -ENOTTY;
	}
}

static loff_t chariot_pci_llseek(struct file *file, loff_t offset, int whence)
{
	return fixed_size_llseek(file, offset, whence, CHARIOT_PCI_BUFFER_SIZE);
}

static const struct file_operations chariot_pci_fops = {
	.owner = THIS_MODULE,
	.write = chariot_pci_write,
	.read = chariot_pci_read,
	.unlocked_ioctl = chariot_pci_ioctl,
	.llseek = chariot_pci_llseek,
};

static int chariot_pci_probe(struct pci_dev *pdev, const struct pci_device_id *id)
{
	struct chariot_pci *chariot;
	u32 device_id;
	int error;

	chariot = devm_kzalloc(&pdev->dev, sizeof(*chariot), GFP_KERNEL);
	if (!chariot)
		return -ENOMEM;
	chariot->pdev = pdev;
	mutex_init(&chariot->lock);
	init_completion(&chariot->done);
	chariot->staging = devm_kzalloc(&pdev->dev, CHARIOT_PCI_BUFFER_SIZE, GFP_KERNEL);
	if (!chariot->staging)
		return -ENOMEM;

	error = pcim_enable_device(pdev);
	if (error)
		return error;
	error = pcim_iomap_regions(pdev, BIT(REGISTERS_BAR) | BIT(BUFFER_BAR), "chariot_pci");
	if (error)
		return error;
	chariot->registers = pcim_iomap_table(pdev)[REGISTERS_BAR];
	chariot->buffer = pcim_iomap_table(pdev)[BUFFER_BAR];
	device_id = readl(chariot->registers + REG_ID);
	if (device_id != DEVICE_ID) {
		dev_err(&pdev->dev, "unexpected id 0x%08x\n", device_id);
		return -ENODEV;
	}
	pci_set_master(pdev);
	error = dma_set_mask_and_coherent(&pdev->dev, DMA_BIT_MASK(64));
	if (error)
		return error;

	writel(STATUS_DONE | STATUS_ERROR, chariot->registers + REG_STATUS);
	error = devm_request_irq(&pdev->dev, pdev->irq, chariot_pci_interrupt, IRQF_SHARED, "chariot_pci", chariot);
	if (error)
		return error;
	writel(STATUS_DONE | STATUS_ERROR, chariot->registers + REG_INTERRUPT_ENABLE);

	chariot->misc.minor = MISC_DYNAMIC_MINOR;
	chariot->misc.name = "chariot_pci";
	chariot->misc.fops = &chariot_pci_fops;
	chariot->misc.parent = &pdev->dev;
	error = misc_register(&chariot->misc);
	if (error)
		return error;
	pci_set_drvdata(pdev, chariot);
	dev_info(&pdev->dev, "id 0x%08x, registers at %pR, buffer at %pR, irq %d\n", device_id,
		 &pdev->resource[REGISTERS_BAR], &pdev->resource[BUFFER_BAR], pdev->irq);
	return 0;
}

static void chariot_pci_remove(struct pci_dev *pdev)
{
	struct chariot_pci *chariot = pci_get_drvdata(pdev);

	misc_deregister(&chariot->misc);
	writel(0, chariot->registers + REG_INTERRUPT_ENABLE);
	dev_info(&pdev->dev, "%u transfers\n", readl(chariot->registers + REG_TRANSFERS));
}

static const struct pci_device_id chariot_pci_ids[] = {
	{ PCI_DEVICE(PCI_VENDOR_ID_CHARIOT, PCI_DEVICE_ID_CHARIOT_EXAMPLE) },
	{ }
};
MODULE_DEVICE_TABLE(pci, chariot_pci_ids);

static struct pci_driver chariot_pci_driver = {
	.name = "chariot_pci",
	.id_table = chariot_pci_ids,
	.probe = chariot_pci_probe,
	.remove = chariot_pci_remove,
};
module_pci_driver(chariot_pci_driver);

MODULE_DESCRIPTION("Chariot example: a PCI driver with two BARs, an interrupt and DMA both ways");
MODULE_LICENSE("GPL");
