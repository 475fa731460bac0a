// SPDX-License-Identifier: GPL-2.0
/*
 * Exercises the guest kernel's built-in gpio-sifive driver (on the machine's sifive,gpio0) through
 * the GPIO character device /dev/gpiochip0, uAPI v2: drives line 0 as an output and watches line 1,
 * wired to line 0's output, as an input with edge events (each one an interrupt through the PLIC);
 * reads line 2, driven high from outside, and line 3, which nothing drives.
 * Run: ./chariot run --gpio 1=line0 --gpio 2=high --exercise examples/exercises/gpio.c
 */
#include <nolibc.h>
#include <linux/gpio.h>

#define OUTPUT_LINE 0
#define WIRED_LINE 1
#define HIGH_LINE 2
#define FREE_LINE 3

static int failures;

static void expect(int condition, const char *what)
{
	if (!condition) {
		printf("gpio: FAILED: %s\n", what);
		failures++;
	}
}

/* Requests one line with the given flags; returns the line's file descriptor, or -1. */
static int request_line(int chip, unsigned int line, __u64 flags)
{
	struct gpio_v2_line_request request;

	memset(&request, 0, sizeof(request));
	request.offsets[0] = line;
	request.num_lines = 1;
	request.config.flags = flags;
	strcpy(request.consumer, "gpio-exercise");
	if (ioctl(chip, GPIO_V2_GET_LINE_IOCTL, &request) != 0) {
		printf("gpio: FAILED: requesting line %u (errno %d)\n", line, errno);
		failures++;
		return -1;
	}
	return request.fd;
}

static int get_value(int line_fd)
{
	struct gpio_v2_line_values values = { .mask = 1 };

	expect(ioctl(line_fd, GPIO_V2_LINE_GET_VALUES_IOCTL, &values) == 0, "GPIO_V2_LINE_GET_VALUES succeeds");
	return (int)(values.bits & 1);
}

static void set_value(int line_fd, int value)
{
	struct gpio_v2_line_values values = { .mask = 1, .bits = (__u64)value };

	expect(ioctl(line_fd, GPIO_V2_LINE_SET_VALUES_IOCTL, &values) == 0, "GPIO_V2_LINE_SET_VALUES succeeds");
}

/* Waits up to a second for one edge event and checks its kind. */
static void expect_edge(int events_fd, __u32 kind, const char *name)
{
	struct pollfd ready = { .fd = events_fd, .events = POLLIN };
	struct gpio_v2_line_event event;

	if (poll(&ready, 1, 1000) != 1) {
		printf("gpio: FAILED: no %s edge on line %d within a second\n", name, WIRED_LINE);
		failures++;
		return;
	}
	expect(read(events_fd, &event, sizeof(event)) == sizeof(event), "reading the edge event");
	printf("gpio: line %u saw a %s edge (event %u)\n", event.offset, name, event.line_seqno);
	expect(event.id == kind && event.offset == WIRED_LINE, "the event is the expected edge of the wired line");
}

static void describe_chip(int chip)
{
	struct gpiochip_info info;

	expect(ioctl(chip, GPIO_GET_CHIPINFO_IOCTL, &info) == 0, "GPIO_GET_CHIPINFO succeeds");
	printf("gpio: %s (%s), %u lines\n", info.name, info.label, info.lines);
	expect(info.lines == 8, "the controller has 8 lines");
}

int main(void)
{
	int chip = open("/dev/gpiochip0", O_RDWR);
	int output, wired, high, free;

	if (chip < 0) {
		printf("gpio: FAILED: cannot open /dev/gpiochip0 (errno %d)\n", errno);
		return 1;
	}
	describe_chip(chip);
	output = request_line(chip, OUTPUT_LINE, GPIO_V2_LINE_FLAG_OUTPUT);
	wired = request_line(chip, WIRED_LINE, GPIO_V2_LINE_FLAG_INPUT | GPIO_V2_LINE_FLAG_EDGE_RISING |
					       GPIO_V2_LINE_FLAG_EDGE_FALLING);
	high = request_line(chip, HIGH_LINE, GPIO_V2_LINE_FLAG_INPUT);
	free = request_line(chip, FREE_LINE, GPIO_V2_LINE_FLAG_INPUT);
	if (output < 0 || wired < 0 || high < 0 || free < 0)
		return 1;

	set_value(output, 1);
	expect_edge(wired, GPIO_V2_LINE_EVENT_RISING_EDGE, "rising");
	expect(get_value(wired) == 1, "the wired line reads the output's 1");
	set_value(output, 0);
	expect_edge(wired, GPIO_V2_LINE_EVENT_FALLING_EDGE, "falling");
	expect(get_value(wired) == 0, "the wired line reads the output's 0");
	printf("gpio: line %d reads %d, line %d reads %d\n", HIGH_LINE, get_value(high), FREE_LINE, get_value(free));
	expect(get_value(high) == 1, "the line driven high from outside reads 1");
	expect(get_value(free) == 0, "a line nothing drives reads its pull-up, off");

	close(output);
	close(wired);
	close(high);
	close(free);
	close(chip);
	printf("gpio: %s\n", failures ? "FAILED" : "all checks passed");
	return failures ? 1 : 0;
}
