// SPDX-License-Identifier: GPL-2.0
/*
 * DMA bugs the way PCI drivers contain them, one per run, chosen with bug=NAME, on the machine's
 * example PCI device (examples/drivers/pci/DEVICE.md): the device is told to copy its buffer into
 * memory the driver never mapped for DMA (a virt_to_phys address: the classic missing
 * dma_map_single), into a mapping already unmapped, or past the end of a mapping. The device starts
 * writing on the command register's store, the line marked "BUG: dma"; after it the driver says
 * whether the device's write landed. bug=none does it right.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/dma-mapping.h>
#include <linux/io.h>
#include <linux/module.h>
#include <linux/pci.h>
#include <linux/slab.h>

static char *bug = "none";
module_param(bug, charp, 0444);
MODULE_PARM_DESC(bug, "which bug to run");

#define REG_STATUS 0x04
#define REG_COMMAND 0x0c
#define REG_DMA_ADDRESS_LOW 0x10
#define REG_DMA_ADDRESS_HIGH 0x14
#define REG_LENGTH 0x18
#define REG_OFFSET 0x1c
#define STATUS_DONE BIT(0)
#define STATUS_ERROR BIT(1)
#define COMMAND_FROM_DEVICE 2
#define MAPPED 64
#define PATTERN 0x5a

static bool is(const char *name)
{
	return strcmp(bug, name) == 0;
}

/* Has the device copy length bytes of its buffer to bus address bus; returns its status. */
static u32 copy_from_device(void __iomem *registers, dma_addr_t bus, u32 length)
{
	writel(STATUS_DONE | STATUS_ERROR, registers + REG_STATUS);
	writel(lower_32_bits(bus), registers + REG_DMA_ADDRESS_LOW);
	writel(upper_32_bits(bus), registers + REG_DMA_ADDRESS_HIGH);
	writel(length, registers + REG_LENGTH);
	writel(0, registers + REG_OFFSET);
	writel(COMMAND_FROM_DEVICE, registers + REG_COMMAND); /* BUG: dma */
	return readl(registers + REG_STATUS);
}

static int bad_dma_probe(struct pci_dev *pdev, const struct pci_device_id *id)
{
	struct device *dev = &pdev->dev;
	void __iomem *registers, *buffer;
	u32 length = MAPPED, status;
	dma_addr_t bus;
	u8 *target;
	int error;

	error = pcim_enable_device(pdev);
	if (error)
		return error;
	error = pcim_iomap_regions(pdev, BIT(0) | BIT(2), "bad_dma");
	if (error)
		return error;
	registers = pcim_iomap_table(pdev)[0];
	buffer = pcim_iomap_table(pdev)[2];
	pci_set_master(pdev);
	error = dma_set_mask_and_coherent(dev, DMA_BIT_MASK(64));
	if (error)
		return error;
	target = devm_kzalloc(dev, 2 * MAPPED, GFP_KERNEL);
	if (!target)
		return -ENOMEM;
	memset_io(buffer, PATTERN, 2 * MAPPED);

	if (is("unmapped")) {
		bus = virt_to_phys(target);
	} else {
		bus = dma_map_single(dev, target, MAPPED, DMA_FROM_DEVICE);
		if (dma_mapping_error(dev, bus))
			return -ENOMEM;
		if (is("after-unmap"))
			dma_unmap_single(dev, bus, MAPPED, DMA_FROM_DEVICE);
		if (is("too-long"))
			length = 2 * MAPPED;
	}
	status = copy_from_device(registers, bus, length);
	if (!is("unmapped") && !is("after-unmap"))
		dma_unmap_single(dev, bus, MAPPED, DMA_FROM_DEVICE);
	pr_info("the device's write %s (status 0x%x)\n",
		READ_ONCE(target[length - 1]) == PATTERN ? "landed" : "did not land", status);
	return 0;
}

static void bad_dma_remove(struct pci_dev *pdev)
{
}

static const struct pci_device_id bad_dma_ids[] = {
	{ PCI_DEVICE(0x1234, 0xc4a1) },
	{ }
};
MODULE_DEVICE_TABLE(pci, bad_dma_ids);

static struct pci_driver bad_dma_driver = {
	.name = "bad_dma",
	.id_table = bad_dma_ids,
	.probe = bad_dma_probe,
	.remove = bad_dma_remove,
};
module_pci_driver(bad_dma_driver);

MODULE_DESCRIPTION("Chariot fault suite: DMA by a device into memory its driver did not map");
MODULE_LICENSE("GPL");
