// SPDX-License-Identifier: GPL-2.0
/*
 * Write-class bugs the way real drivers contain them, one per run, chosen with bug=NAME: through
 * the driver's own stores, through kernel helpers it calls or tail-calls, through any kernel
 * function it hands a pointer to, into neighbouring objects, read-only sections, unmapped memory,
 * and frees with the wrong allocator. Each bug's line is marked "BUG: kind bug=NAME"; after it the
 * module checks whether the write landed (or the free happened) and says so. Sizes and offsets
 * come from parameters so that the compiler cannot see (and warn about) the bugs.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/module.h>
#include <linux/moduleparam.h>
#include <linux/scatterlist.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/vmalloc.h>

static char *bug = "none";
module_param(bug, charp, 0444);
MODULE_PARM_DESC(bug, "which bug to run");

static int past = 16;
module_param(past, int, 0444);
MODULE_PARM_DESC(past, "an offset just past a 16-byte object (default 16)");

#define LONG_NAME "a name that is far too long for its buffer"

static const char table[16] = "read-only table";
static int setting __ro_after_init = 1;
static char *kept;

static bool is(const char *name)
{
	return strcmp(bug, name) == 0;
}

static void verdict(bool landed)
{
	pr_info("the bad write %s\n", landed ? "landed" : "did not land");
}

/* For bugs whose target cannot be read back: that the driver gets here shows the kernel survived. */
static void went_on(void)
{
	pr_info("the driver went on\n");
}

static noinline ssize_t copy_name(char *to, const char *from, size_t size)
{
	return strscpy(to, from, size); /* BUG: heap-overflow bug=strscpy-tail */
}

static noinline void fill_frame(const char *from, size_t length)
{
	char local[16];

	memcpy(local, from, length); /* BUG: stack bug=stack-memcpy */
	pr_info("local starts with %c\n", local[0]);
}

/* Correct code may warn; the trap's handler returns past the ebreak, deep in the driver's frames. */
static noinline void warn_deep(void)
{
	WARN_ON(past == 16);
}

static int run_bug(void)
{
	char *a, *b;
	struct kmem_cache *one, *other;
	struct scatterlist *sg;

	if (is("rodata")) {
		((char *)table)[past - 16] = 'X'; /* BUG: module-rodata bug=rodata */
		verdict(READ_ONCE(table[past - 16]) == 'X');
	} else if (is("text")) {
		*(volatile u8 *)((unsigned long)copy_name + past - 16) = 0; /* BUG: module-text bug=text */
		verdict(*(volatile u8 *)copy_name == 0);
	} else if (is("null")) {
		int *nothing = (int *)(unsigned long)(past - 16);

		nothing[2] = 7; /* BUG: null-pointer bug=null */
		went_on();
	} else if (is("vmalloc-guard")) {
		a = vmalloc(PAGE_SIZE);
		if (!a)
			return -ENOMEM;
		a[PAGE_SIZE - 16 + past] = 1; /* BUG: heap-overflow bug=vmalloc-guard */
		went_on();
		vfree(a);
	} else if (is("neighbour")) {
		a = kmalloc(16, GFP_KERNEL);
		b = kmalloc(16, GFP_KERNEL);
		if (!a || !b)
			return -ENOMEM;
		a[past] = 0x41; /* BUG: heap-overflow bug=neighbour */
		verdict(READ_ONCE(a[past]) == 0x41);
		kfree(b);
		kfree(a);
	} else if (is("sprintf")) {
		a = kmalloc(16, GFP_KERNEL);
		if (!a)
			return -ENOMEM;
		sprintf(a, "%s-%d", LONG_NAME, past); /* BUG: heap-overflow bug=sprintf */
		verdict(READ_ONCE(a[16]) == LONG_NAME[16]);
		kfree(a);
	} else if (is("strscpy-tail")) {
		a = kmalloc(16, GFP_KERNEL);
		if (!a)
			return -ENOMEM;
		copy_name(a, LONG_NAME, past + 8);
		verdict(READ_ONCE(a[16]) == LONG_NAME[16]);
		kfree(a);
	} else if (is("scatterlist")) {
		sg = kmalloc_array(2, sizeof(*sg), GFP_KERNEL);
		if (!sg)
			return -ENOMEM;
		sg_init_table(sg, past / 8 + 1); /* BUG: heap-overflow bug=scatterlist */
		verdict(sg_is_last(&sg[2]));
		kfree(sg);
	} else if (is("use-after-free")) {
		a = kmalloc(16, GFP_KERNEL);
		if (!a)
			return -ENOMEM;
		kfree(a);
		memset(a, 0x6e, past - 8); /* BUG: use-after-free bug=use-after-free */
		went_on();
	} else if (is("stack-memcpy")) {
		fill_frame("0123456789abcdef0123456789abcdef0123456789abcdef", past + 32);
		went_on();
	} else if (is("wrong-cache")) {
		one = kmem_cache_create("wild_one", 24, 0, 0, NULL);
		other = kmem_cache_create("wild_other", 40, 0, 0, NULL);
		if (!one || !other)
			return -ENOMEM;
		a = kmem_cache_alloc(one, GFP_KERNEL);
		kmem_cache_free(other, a); /* BUG: mismatched-free bug=wrong-cache */
		pr_info("the bad free %s\n", "did not happen");
		kmem_cache_free(one, a);
		kmem_cache_destroy(other);
		kmem_cache_destroy(one);
	} else if (is("vfree-slab")) {
		a = kmalloc(64, GFP_KERNEL);
		vfree(a); /* BUG: mismatched-free bug=vfree-slab */
		pr_info("the bad free %s\n", "did not happen");
		kfree(a);
	} else if (is("kfree-vmalloc")) {
		a = vmalloc(64);
		kfree(a); /* BUG: mismatched-free bug=kfree-vmalloc */
		pr_info("the bad free %s\n", "did not happen");
		vfree(a);
	} else if (is("warn")) {
		char frame[32];

		warn_deep();
		memset(frame, past, sizeof(frame) - (past & 1)); /* after the warning: its own frame still */
		pr_info("frame[0] %d\n", frame[0]);
		went_on();
	} else if (is("ro-after-init") || is("exit-memset-tail")) {
		kept = kmalloc(16, GFP_KERNEL);
		return kept ? 0 : -ENOMEM;
	}
	return 0;
}

static int __init wild_writes_init(void)
{
	return run_bug();
}

static void __exit wild_writes_exit(void)
{
	if (is("ro-after-init")) {
		WRITE_ONCE(setting, past); /* BUG: module-rodata bug=ro-after-init */
		verdict(READ_ONCE(setting) == past);
	}
	if (is("exit-memset-tail"))
		memset(kept, 0, past + 8); /* BUG: heap-overflow bug=exit-memset-tail */
}

module_init(wild_writes_init);
module_exit(wild_writes_exit);

MODULE_DESCRIPTION("Chariot fault suite: write-class bugs through stores, helpers and kernel functions");
MODULE_LICENSE("GPL");
