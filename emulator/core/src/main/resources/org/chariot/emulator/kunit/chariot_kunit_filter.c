// SPDX-License-Identifier: GPL-2.0
/*
 * Chariot's KUnit filter for suites in modules. Linux 6.1 applies kunit.filter_glob only to
 * built-in suites; a module's suites run, all of them, when the module comes up. This module,
 * loaded before the suite's module, takes the same "suite_glob.test_glob" (here as its parameter
 * glob=) and, from a module notifier that runs before KUnit's, keeps only the matching suites and
 * cases of each module loaded after it, as later kernels do for modules themselves.
 */
#include <linux/limits.h>
#include <linux/module.h>
#include <linux/notifier.h>
#include <linux/string.h>
#include <kunit/test.h>

static char *glob;
module_param(glob, charp, 0444);
MODULE_PARM_DESC(glob, "suite_glob[.test_glob]: the suites and cases of modules loaded later that run");

/* glob(7) with '*' and '?', enough for suite and case names. */
static bool matches(const char *pattern, const char *name)
{
	if (*pattern == '\0')
		return *name == '\0';
	if (*pattern == '*')
		return matches(pattern + 1, name) || (*name && matches(pattern, name + 1));
	if (*name && (*pattern == '?' || *pattern == *name))
		return matches(pattern + 1, name + 1);
	return false;
}

/* Keeps the suite's cases whose names match, in order; returns how many. */
static int keep_cases(struct kunit_suite *suite, const char *test_glob)
{
	struct kunit_case *from, *to = suite->test_cases;

	for (from = suite->test_cases; from->run_case; from++)
		if (!test_glob || matches(test_glob, from->name))
			*to++ = *from;
	memset(to, 0, sizeof(*to));
	return to - suite->test_cases;
}

static int filter_module(struct notifier_block *block, unsigned long state, void *data)
{
	struct module *mod = data;
	char suite_glob[NAME_MAX];
	const char *test_glob;
	int i, kept = 0;

	if (state != MODULE_STATE_COMING || !glob || !mod->num_kunit_suites)
		return NOTIFY_DONE;
	test_glob = strchr(glob, '.');
	strscpy(suite_glob, glob, test_glob ? min_t(size_t, test_glob - glob + 1, sizeof(suite_glob)) : sizeof(suite_glob));
	if (test_glob)
		test_glob++;
	for (i = 0; i < mod->num_kunit_suites; i++) {
		struct kunit_suite *suite = mod->kunit_suites[i];

		if (matches(suite_glob, suite->name) && keep_cases(suite, test_glob) > 0)
			mod->kunit_suites[kept++] = suite;
	}
	pr_info("chariot_kunit_filter: %s: %d of %d suites kept for %s\n", mod->name, kept,
		mod->num_kunit_suites, glob);
	mod->num_kunit_suites = kept;
	return NOTIFY_DONE;
}

/* Before KUnit's own notifier (priority 0), which runs the suites. */
static struct notifier_block filter_notifier = {
	.notifier_call = filter_module,
	.priority = INT_MAX,
};

static int __init filter_init(void)
{
	return register_module_notifier(&filter_notifier);
}

static void __exit filter_exit(void)
{
	unregister_module_notifier(&filter_notifier);
}

module_init(filter_init);
module_exit(filter_exit);

MODULE_DESCRIPTION("Chariot: run only the KUnit suites and cases that match glob= in modules loaded later");
MODULE_LICENSE("GPL");
