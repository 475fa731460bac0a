// SPDX-License-Identifier: GPL-2.0
/*
 * Exercise for @MODULE@, run in the guest once the driver is loaded: writes a message to /dev/@MODULE@, reads it
 * back and compares. Exits 0 only if the device gave back what was written. Built for the guest with the kit's
 * nolibc (no glibc there): open, read, write, lseek, printf, strlen, memcmp and friends are what it offers.
 */
#include <nolibc.h>

#define DEVICE "/dev/@MODULE@"
#define MESSAGE "hello from the guest"

int main(void)
{
	char back[sizeof(MESSAGE)] = { 0 };
	ssize_t written, got;
	int fd = open(DEVICE, O_RDWR, 0);

	if (fd < 0) {
		printf("exercise: cannot open %s: errno %d\n", DEVICE, errno);
		return 1;
	}
	written = write(fd, MESSAGE, strlen(MESSAGE));
	lseek(fd, 0, SEEK_SET);
	got = read(fd, back, sizeof(back) - 1);
	close(fd);
	printf("exercise: wrote %d bytes, read back \"%s\"\n", (int)written, back);
	if (written != (ssize_t)strlen(MESSAGE) || got != written || memcmp(back, MESSAGE, strlen(MESSAGE)) != 0) {
		printf("exercise: FAILED: the device did not give back what was written\n");
		return 1;
	}
	printf("exercise: passed\n");
	return 0;
}
