// SPDX-License-Identifier: GPL-2.0
/*
 * Read-class bugs, one per run, chosen with bug=NAME: reads past the end or before the start of a
 * heap object, of an object after its free, by the driver's own loads and through a helper it
 * calls. Each bug's line is marked "BUG: kind bug=NAME". A bad read does not stop the driver: it
 * says so after each. Offsets come from a parameter so that the compiler cannot see the bugs.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/module.h>
#include <linux/moduleparam.h>
#include <linux/slab.h>
#include <linux/string.h>

static char *bug = "none";
module_param(bug, charp, 0444);
MODULE_PARM_DESC(bug, "which bug to run");

static int past = 16;
module_param(past, int, 0444);
MODULE_PARM_DESC(past, "an offset just past a 16-byte object (default 16)");

static bool is(const char *name)
{
	return strcmp(bug, name) == 0;
}

/* Each bad read in a function of its own, so that the compiler cannot merge their loads into one. */
static noinline long read_past_end(const char *a)
{
	return READ_ONCE(a[past]); /* BUG: out-of-bounds-read bug=past-end */
}

static noinline long read_before_start(const char *a)
{
	return READ_ONCE(a[past - 17]); /* BUG: out-of-bounds-read bug=before-start */
}

static int run_bug(void)
{
	char *a, *b;
	long sum = 0;

	a = kmalloc(16, GFP_KERNEL);
	b = kmalloc(64, GFP_KERNEL);
	if (!a || !b)
		return -ENOMEM;
	memset(a, 0x61, 16);
	if (is("past-end")) {
		sum = read_past_end(a);
	} else if (is("before-start")) {
		sum = read_before_start(a);
	} else if (is("memcpy-past")) {
		memcpy(b, a, past + 8); /* BUG: out-of-bounds-read bug=memcpy-past */
		sum = b[0];
	} else if (is("after-free")) {
		kfree(a);
		sum = READ_ONCE(*(long *)a); /* BUG: use-after-free-read bug=after-free */
		a = NULL;
	} else {
		/* Correct reads of both objects, to their last byte: no report. */
		memcpy(b, a, 16);
		sum = READ_ONCE(a[past - 1]) + READ_ONCE(b[63]);
	}
	pr_info("the driver went on (%ld)\n", sum);
	kfree(a);
	kfree(b);
	return 0;
}

static int __init bad_reads_init(void)
{
	return run_bug();
}

static void __exit bad_reads_exit(void)
{
}

module_init(bad_reads_init);
module_exit(bad_reads_exit);

MODULE_DESCRIPTION("Chariot fault suite: read-class bugs, for --check reads");
MODULE_LICENSE("GPL");
