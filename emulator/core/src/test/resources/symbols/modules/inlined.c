// Code shaped to give the line table and the inlining records some work: static inline helpers
// inlined at several depths into init, exit, ordinary and cold functions.
#include <linux/init.h>
#include <linux/module.h>
#include <linux/slab.h>
#include <linux/string.h>

struct sample {
	int values[16];
	char name[24];
};

static struct sample *samples[4];

static inline int square(int x)
{
	return x * x;
}

static inline int sum_of_squares(const struct sample *s, int n)
{
	int total = 0;
	int i;

	for (i = 0; i < n; i++)
		total += square(s->values[i]);
	return total;
}

static noinline int fill(struct sample *s, int seed)
{
	int i;

	for (i = 0; i < 16; i++)
		s->values[i] = seed + i;
	strscpy(s->name, "sample", sizeof(s->name));
	return sum_of_squares(s, 16);
}

static __cold noinline void report_failure(int index)
{
	pr_err("inlined: allocation %d failed\n", index);
}

int inlined_total(void)
{
	int i, total = 0;

	for (i = 0; i < 4; i++)
		if (samples[i])
			total += sum_of_squares(samples[i], 16) - square(i);
	return total;
}

static int __init inlined_init(void)
{
	int i, total = 0;

	for (i = 0; i < 4; i++) {
		samples[i] = kmalloc(sizeof(*samples[i]), GFP_KERNEL);
		if (!samples[i]) {
			report_failure(i);
			return -ENOMEM;
		}
		total += fill(samples[i], i) + sum_of_squares(samples[i], i);
	}
	pr_info("inlined: total %d, again %d\n", total, inlined_total());
	return 0;
}

static void __exit inlined_exit(void)
{
	int i;

	for (i = 0; i < 4; i++) {
		if (samples[i])
			pr_info("inlined: %d\n", sum_of_squares(samples[i], 8));
		kfree(samples[i]);
	}
}

module_init(inlined_init);
module_exit(inlined_exit);
MODULE_LICENSE("GPL");
