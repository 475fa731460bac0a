/*
 * A module that uses what the guest kit's kernel lacks: a USB driver (CONFIG_USB is not set), a
 * regmap over SPMI (CONFIG_REGMAP_SPMI has no prompt and is not set), and a function no kernel
 * source exports. Building it must name the Kconfig option behind each symbol.
 */
#include <linux/module.h>
#include <linux/regmap.h>
#include <linux/usb.h>

extern void chariot_no_such_function(void);

static struct usb_driver needs_missing_driver = {
	.name = "needs_missing",
};

static int __init needs_missing_init(void)
{
	pr_info("needs_missing: regmap over SPMI at %p\n", __devm_regmap_init_spmi_base);
	chariot_no_such_function();
	return usb_register(&needs_missing_driver);
}

static void __exit needs_missing_exit(void)
{
	usb_deregister(&needs_missing_driver);
}

module_init(needs_missing_init);
module_exit(needs_missing_exit);
MODULE_LICENSE("GPL");
