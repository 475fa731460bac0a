// SPDX-License-Identifier: GPL-2.0
/*
 * Exercise for the user-device example: two round trips through the described DMA engine. Each
 * write() has the device copy the bytes from one DMA buffer to another (read from guest memory,
 * written back to it, then its interrupt); read() must return exactly what was written.
 * Build: <kit>/guest-cc -o exercise exercise.c
 */
#include <nolibc.h>

#include "chariot_dma.h"

static int failures;

static void round_trip(int fd, const char *text, size_t length)
{
	char back[CHARIOT_DMA_MAX + 1] = { 0 };
	ssize_t written = write(fd, text, length);
	ssize_t got;

	lseek(fd, 0, SEEK_SET);
	got = read(fd, back, sizeof(back) - 1);
	printf("dma: wrote %d bytes, read back %d: \"%s\"\n", (int)written, (int)got, back);
	if (written != (ssize_t)length || got != written || memcmp(back, text, length) != 0) {
		printf("dma: FAILED: the copy differs from what was written\n");
		failures++;
	}
}

int main(void)
{
	static const char first[] = "copied by a device that is only a description";
	static const char second[] = "and once more";
	int fd = open(CHARIOT_DMA_DEVICE, O_RDWR);

	if (fd < 0) {
		printf("dma: FAILED: cannot open %s (errno %d)\n", CHARIOT_DMA_DEVICE, errno);
		return 1;
	}
	round_trip(fd, first, strlen(first));
	round_trip(fd, second, strlen(second));
	close(fd);
	printf("dma: %s\n", failures ? "FAILED" : "all checks passed");
	return failures ? 1 : 0;
}
