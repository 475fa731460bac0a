// SPDX-License-Identifier: GPL-2.0
/*
 * A correct example for Chariot: a driver that gets its memory in the ways the kernel offers
 * (kmalloc, krealloc, kcalloc, whole pages, its own slab cache, kstrdup and kasprintf), writes all
 * of it and frees it. Isolated, it must run without a single violation: every object it writes or
 * frees here is its own. The string it frees is made again at once, so the allocator may hand back the
 * very address just freed, which is no double free.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/gfp.h>
#include <linux/init.h>
#include <linux/module.h>
#include <linux/slab.h>
#include <linux/string.h>

struct entry {
	int id;
	char label[20];
};

static struct kmem_cache *entries;
static struct entry *first;
static char *name;

static int __init allocations_init(void)
{
	int *numbers = kcalloc(4, sizeof(*numbers), GFP_KERNEL);
	int *more;
	char *label;
	u8 *page;

	if (!numbers)
		return -ENOMEM;
	numbers[3] = 3;
	more = krealloc(numbers, 64 * sizeof(*numbers), GFP_KERNEL);
	if (!more) {
		kfree(numbers);
		return -ENOMEM;
	}
	more[63] = 63;
	kfree(more);

	page = (u8 *)get_zeroed_page(GFP_KERNEL);
	if (!page)
		return -ENOMEM;
	page[PAGE_SIZE - 1] = 1;
	free_page((unsigned long)page);
	page = (u8 *)__get_free_pages(GFP_KERNEL, 1);
	if (!page)
		return -ENOMEM;
	page[2 * PAGE_SIZE - 1] = 2;
	free_pages((unsigned long)page, 1);

	entries = kmem_cache_create("chariot_entries", sizeof(struct entry), 0, 0, NULL);
	if (!entries)
		return -ENOMEM;
	first = kmem_cache_alloc(entries, GFP_KERNEL);
	if (!first)
		goto no_entry;
	first->id = 1;
	strscpy(first->label, "first", sizeof(first->label));

	label = kasprintf(GFP_KERNEL, "entry-%d", first->id);
	if (!label)
		goto no_label;
	label[0] = 'E';
	kfree(label);
	name = kstrdup("allocations", GFP_KERNEL);
	if (!name)
		goto no_label;
	name[0] = 'A';
	pr_info("%s: entry %d '%s' in its own cache\n", name, first->id, first->label);
	return 0;

no_label:
	kmem_cache_free(entries, first);
no_entry:
	kmem_cache_destroy(entries);
	return -ENOMEM;
}

static void __exit allocations_exit(void)
{
	kfree(name);
	kmem_cache_free(entries, first);
	kmem_cache_destroy(entries);
}

module_init(allocations_init);
module_exit(allocations_exit);

MODULE_DESCRIPTION("Chariot correct example: the kernel's allocators, written and freed");
MODULE_LICENSE("GPL");
