// SPDX-License-Identifier: GPL-2.0
/*
 * Exercise for the chardev example, run in the guest by init (chariot.exercise=...):
 * writes a message, seeks back, reads it back, asks the buffer size and clears it.
 * Exits 0 only if every step gave what the driver promises. The first argument, if any,
 * is the expected buffer size (the module's buffer_size parameter; default 4096).
 * Build: <kit>/guest-cc -o exercise exercise.c
 */
#include <nolibc.h>

#include "chardev_ioctl.h"

#define DEVICE "/dev/chariot_chardev"
#define MESSAGE "Chariot was here"
#define DEFAULT_SIZE 4096

static int failures;

static void expect(int condition, const char *what)
{
	if (!condition) {
		printf("exercise: FAILED: %s\n", what);
		failures++;
	}
}

static void write_and_read_back(int fd)
{
	char back[sizeof(MESSAGE)] = { 0 };
	ssize_t written, got;

	written = write(fd, MESSAGE, strlen(MESSAGE));
	printf("exercise: wrote %d bytes\n", (int)written);
	expect(written == (ssize_t)strlen(MESSAGE), "write returns the message length");

	expect(lseek(fd, 0, SEEK_SET) == 0, "lseek to 0 returns 0");
	got = read(fd, back, sizeof(back) - 1);
	printf("exercise: read back \"%s\"\n", back);
	expect(got == written && memcmp(back, MESSAGE, strlen(MESSAGE)) == 0,
	       "reading back gives what was written");
}

static void check_size(int fd, unsigned int expected)
{
	__u32 size = 0;

	expect(ioctl(fd, CHARDEV_IOC_GET_SIZE, &size) == 0, "CHARDEV_IOC_GET_SIZE succeeds");
	printf("exercise: size %u\n", size);
	expect(size == expected, "the size is the module's buffer_size");
}

static void clear(int fd)
{
	char byte;
	ssize_t got;

	expect(ioctl(fd, CHARDEV_IOC_CLEAR, NULL) == 0, "CHARDEV_IOC_CLEAR succeeds");
	lseek(fd, 0, SEEK_SET);
	got = read(fd, &byte, 1);
	printf("exercise: cleared, read %d bytes\n", (int)got);
	expect(got == 0, "a cleared device reads as empty");
}

int main(int argc, char **argv)
{
	unsigned int expected_size = argc > 1 ? (unsigned int)atol(argv[1]) : DEFAULT_SIZE;
	int fd = open(DEVICE, O_RDWR, 0);

	if (fd < 0) {
		printf("exercise: cannot open %s: errno %d\n", DEVICE, errno);
		return 1;
	}
	write_and_read_back(fd);
	check_size(fd, expected_size);
	clear(fd);
	close(fd);
	printf("exercise: %s\n", failures ? "FAILED" : "all checks passed");
	return failures ? 1 : 0;
}
