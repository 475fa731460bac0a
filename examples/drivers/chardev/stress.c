// SPDX-License-Identifier: GPL-2.0
/*
 * A driver-heavy workload for the chardev example, the default of `chariot bench isolation`: each
 * round writes 256 bytes at a moving position, reads them back, asks the buffer size, and every
 * 16th round clears the buffer; 2000 rounds are some 10 000 calls into the driver. Exits 0 only if
 * every call gave what the driver promises.
 * Build: <kit>/guest-cc -o stress stress.c
 */
#include <nolibc.h>

#include "chardev_ioctl.h"

#define DEVICE "/dev/chariot_chardev"
#define ROUNDS 2000
#define CHUNK 256
#define SIZE 4096

static int round_trip(int fd, int round)
{
	static char out[CHUNK], back[CHUNK];
	off_t at = (off_t)(round % (SIZE / CHUNK)) * CHUNK;
	__u32 size = 0;
	int i;

	for (i = 0; i < CHUNK; i++)
		out[i] = (char)(round + i);
	return lseek(fd, at, SEEK_SET) == at && write(fd, out, CHUNK) == CHUNK && lseek(fd, at, SEEK_SET) == at
	       && read(fd, back, CHUNK) == CHUNK && memcmp(out, back, CHUNK) == 0
	       && ioctl(fd, CHARDEV_IOC_GET_SIZE, &size) == 0 && size == SIZE
	       && (round % 16 != 15 || ioctl(fd, CHARDEV_IOC_CLEAR, NULL) == 0);
}

int main(void)
{
	int fd = open(DEVICE, O_RDWR, 0);
	int round;

	if (fd < 0) {
		printf("stress: cannot open %s: errno %d\n", DEVICE, errno);
		return 1;
	}
	for (round = 0; round < ROUNDS; round++) {
		if (!round_trip(fd, round)) {
			printf("stress: FAILED in round %d\n", round);
			return 1;
		}
	}
	close(fd);
	printf("stress: %d rounds of write, read back, size and clear passed\n", ROUNDS);
	return 0;
}
