// SPDX-License-Identifier: GPL-2.0
/* KUnit suite for buggy_store: a clean case, a case that overflows through it, a failing expectation. */
#include <kunit/test.h>
#include <linux/module.h>

int buggy_store_fill(size_t count);

static void buggy_store_fills_within_bounds(struct kunit *test)
{
	KUNIT_EXPECT_EQ(test, buggy_store_fill(16), 0);
}

static void buggy_store_overflows(struct kunit *test)
{
	KUNIT_EXPECT_EQ(test, buggy_store_fill(17), 0);
}

static void buggy_store_expects_wrongly(struct kunit *test)
{
	KUNIT_EXPECT_EQ(test, 1 + 1, 3);
}

static struct kunit_case buggy_store_cases[] = {
	KUNIT_CASE(buggy_store_fills_within_bounds),
	KUNIT_CASE(buggy_store_overflows),
	KUNIT_CASE(buggy_store_expects_wrongly),
	{}
};

static struct kunit_suite buggy_store_suite = {
	.name = "buggy_store",
	.test_cases = buggy_store_cases,
};
kunit_test_suite(buggy_store_suite);

MODULE_LICENSE("GPL");
