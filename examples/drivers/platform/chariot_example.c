// SPDX-License-Identifier: GPL-2.0
/*
 * Platform driver for the Chariot example device (DEVICE.md): matched from the device tree
 * by "chariot,example-device"; its probe checks the ID and scratch registers, then runs a
 * short countdown and waits for the device's interrupt.
 */
#include <linux/completion.h>
#include <linux/interrupt.h>
#include <linux/io.h>
#include <linux/jiffies.h>
#include <linux/mod_devicetable.h>
#include <linux/module.h>
#include <linux/platform_device.h>

#define REG_ID 0x00
#define REG_SCRATCH 0x04
#define REG_COUNTDOWN 0x08
#define REG_STATUS 0x0c

#define DEVICE_ID 0x43484152 /* "CHAR" */
#define STATUS_EXPIRED BIT(0)

#define SCRATCH_PATTERN 0x5a5aa5a5
#define COUNTDOWN_TICKS 10000 /* 1 ms at the 10 MHz timebase */
#define COUNTDOWN_TIMEOUT_MS 1000

struct example_device {
	void __iomem *registers;
	struct completion expired;
};

static irqreturn_t example_interrupt(int irq, void *data)
{
	struct example_device *example = data;

	if (!(readl(example->registers + REG_STATUS) & STATUS_EXPIRED))
		return IRQ_NONE;
	writel(STATUS_EXPIRED, example->registers + REG_STATUS);
	complete(&example->expired);
	return IRQ_HANDLED;
}

static int example_check_registers(struct device *dev, struct example_device *example)
{
	u32 id = readl(example->registers + REG_ID);
	u32 scratch;

	dev_info(dev, "id 0x%08x\n", id);
	if (id != DEVICE_ID) {
		dev_err(dev, "expected id 0x%08x: not the example device\n", DEVICE_ID);
		return -ENODEV;
	}
	writel(SCRATCH_PATTERN, example->registers + REG_SCRATCH);
	scratch = readl(example->registers + REG_SCRATCH);
	dev_info(dev, "scratch wrote 0x%08x read 0x%08x\n", SCRATCH_PATTERN, scratch);
	return scratch == SCRATCH_PATTERN ? 0 : -EIO;
}

static int example_run_countdown(struct device *dev, struct example_device *example)
{
	unsigned long left;

	writel(COUNTDOWN_TICKS, example->registers + REG_COUNTDOWN);
	left = wait_for_completion_timeout(&example->expired,
					   msecs_to_jiffies(COUNTDOWN_TIMEOUT_MS));
	if (!left) {
		writel(0, example->registers + REG_COUNTDOWN);
		dev_err(dev, "countdown of %u ticks: no interrupt within %u ms\n",
			COUNTDOWN_TICKS, COUNTDOWN_TIMEOUT_MS);
		return -ETIMEDOUT;
	}
	dev_info(dev, "countdown of %u ticks: interrupt received\n", COUNTDOWN_TICKS);
	return 0;
}

static int example_probe(struct platform_device *pdev)
{
	struct device *dev = &pdev->dev;
	struct example_device *example;
	int irq, error;

	example = devm_kzalloc(dev, sizeof(*example), GFP_KERNEL);
	if (!example)
		return -ENOMEM;
	init_completion(&example->expired);
	example->registers = devm_platform_ioremap_resource(pdev, 0);
	if (IS_ERR(example->registers))
		return PTR_ERR(example->registers);
	irq = platform_get_irq(pdev, 0);
	if (irq < 0)
		return irq;
	dev_info(dev, "probing, irq %d\n", irq);

	error = example_check_registers(dev, example);
	if (error)
		return error;
	writel(STATUS_EXPIRED, example->registers + REG_STATUS);
	error = devm_request_irq(dev, irq, example_interrupt, 0, dev_name(dev), example);
	if (error)
		return error;
	error = example_run_countdown(dev, example);
	if (error)
		return error;
	platform_set_drvdata(pdev, example);
	dev_info(dev, "probed\n");
	return 0;
}

static int example_remove(struct platform_device *pdev)
{
	struct example_device *example = platform_get_drvdata(pdev);

	writel(0, example->registers + REG_COUNTDOWN);
	dev_info(&pdev->dev, "removed\n");
	return 0;
}

static const struct of_device_id example_of_match[] = {
	{ .compatible = "chariot,example-device" },
	{ }
};
MODULE_DEVICE_TABLE(of, example_of_match);

static struct platform_driver example_driver = {
	.probe = example_probe,
	.remove = example_remove,
	.driver = {
		.name = "chariot_example",
		.of_match_table = example_of_match,
	},
};
module_platform_driver(example_driver);

MODULE_DESCRIPTION("Chariot example: platform driver for the example MMIO device");
MODULE_LICENSE("GPL");
