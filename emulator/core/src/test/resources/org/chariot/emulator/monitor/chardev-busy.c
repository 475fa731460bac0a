// SPDX-License-Identifier: GPL-2.0
/*
 * A driver-heavy workload for the isolation benchmark: many writes and reads through the chardev
 * example's device, each a trip into the driver (copy_from_user / copy_to_user of 512 bytes).
 * Exits 0 only if every read gives back what was written.
 */
#include <nolibc.h>

#define DEVICE "/dev/chariot_chardev"
#define ROUNDS 3000
#define CHUNK 512

int main(void)
{
	static char out[CHUNK], back[CHUNK];
	int fd = open(DEVICE, O_RDWR, 0);
	int round, i;

	if (fd < 0) {
		printf("busy: cannot open %s: errno %d\n", DEVICE, errno);
		return 1;
	}
	for (round = 0; round < ROUNDS; round++) {
		for (i = 0; i < CHUNK; i++)
			out[i] = (char)(round + i);
		if (lseek(fd, 0, SEEK_SET) != 0 || write(fd, out, CHUNK) != CHUNK || lseek(fd, 0, SEEK_SET) != 0
		    || read(fd, back, CHUNK) != CHUNK || memcmp(out, back, CHUNK) != 0) {
			printf("busy: FAILED in round %d\n", round);
			return 1;
		}
	}
	close(fd);
	printf("busy: %d rounds of %d bytes written and read back\n", ROUNDS, CHUNK);
	return 0;
}
