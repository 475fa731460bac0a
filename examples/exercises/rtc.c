// SPDX-License-Identifier: GPL-2.0
/*
 * Exercises the guest kernel's built-in goldfish RTC driver (rtc-goldfish, on the machine's
 * google,goldfish-rtc) through /dev/rtc0: reads the time, sets an alarm two seconds ahead and
 * sleeps in read() until the alarm's interrupt wakes it, then sets the clock and reads it back.
 * Run: ./chariot run --exercise examples/exercises/rtc.c
 */
#include <nolibc.h>
#include <linux/rtc.h>

static int failures;

static void expect(int condition, const char *what)
{
	if (!condition) {
		printf("rtc: FAILED: %s\n", what);
		failures++;
	}
}

/* nolibc's printf has no field widths: two digits by hand. */
static void print_time(const char *label, const struct rtc_time *tm)
{
	int part[] = { tm->tm_mon + 1, tm->tm_mday, tm->tm_hour, tm->tm_min, tm->tm_sec };
	const char *separator[] = { "-", "-", " ", ":", ":" };

	printf("rtc: %s %d", label, tm->tm_year + 1900);
	for (int i = 0; i < 5; i++)
		printf("%s%s%d", separator[i], part[i] < 10 ? "0" : "", part[i]);
	printf(" UTC\n");
}

static int read_time(int fd, struct rtc_time *tm)
{
	int ok = ioctl(fd, RTC_RD_TIME, tm) == 0;

	expect(ok, "RTC_RD_TIME succeeds");
	return ok;
}

/* An alarm two seconds ahead, inside the current minute so that no calendar arithmetic is needed. */
static void wake_on_alarm(int fd)
{
	struct rtc_wkalrm alarm = { .enabled = 1 };
	struct rtc_time after;
	unsigned long data = 0;

	do {
		if (!read_time(fd, &alarm.time))
			return;
	} while (alarm.time.tm_sec > 57 && sleep(1) == 0);
	alarm.time.tm_sec += 2;
	print_time("alarm at", &alarm.time);
	expect(ioctl(fd, RTC_WKALM_SET, &alarm) == 0, "RTC_WKALM_SET succeeds");
	expect(read(fd, &data, sizeof(data)) == sizeof(data), "read() returns once the alarm fires");
	expect((data & RTC_AF) != 0, "the interrupt was the alarm's");
	printf("rtc: woken by the alarm interrupt (events 0x%x)\n", (unsigned int)(data & 0xff));
	if (read_time(fd, &after)) {
		print_time("woken at", &after);
		expect(after.tm_sec >= alarm.time.tm_sec, "not woken before the alarm time");
	}
	ioctl(fd, RTC_AIE_OFF, NULL);
}

static void set_and_read_back(int fd)
{
	struct rtc_time set = { .tm_year = 2030 - 1900, .tm_mon = 0, .tm_mday = 1, .tm_hour = 12 };
	struct rtc_time back;

	expect(ioctl(fd, RTC_SET_TIME, &set) == 0, "RTC_SET_TIME succeeds");
	if (read_time(fd, &back)) {
		print_time("set to", &back);
		expect(back.tm_year == set.tm_year && back.tm_mday == 1 && back.tm_hour == 12 && back.tm_min == 0,
		       "the clock reads what was set");
	}
}

int main(void)
{
	struct rtc_time now;
	int fd = open("/dev/rtc0", O_RDONLY);

	if (fd < 0) {
		printf("rtc: FAILED: cannot open /dev/rtc0 (errno %d)\n", errno);
		return 1;
	}
	if (read_time(fd, &now))
		print_time("time", &now);
	wake_on_alarm(fd);
	set_and_read_back(fd);
	close(fd);
	printf("rtc: %s\n", failures ? "FAILED" : "all checks passed");
	return failures ? 1 : 0;
}
