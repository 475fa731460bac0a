// SPDX-License-Identifier: GPL-2.0
/*
 * Exercise for the pci example: DMA round trips through the device's buffer. Each write() has
 * the device fetch the bytes from guest memory into its buffer (the device reports their CRC-32),
 * the buffer is then read straight through BAR 2, and read() has the device write it back into
 * guest memory; all three must agree with what was written.
 * Build: <kit>/guest-cc -o exercise exercise.c
 */
#include <nolibc.h>

#include "chariot_pci.h"

static int failures;

static void expect(int condition, const char *what)
{
	if (!condition) {
		printf("pci: FAILED: %s\n", what);
		failures++;
	}
}

/* CRC-32 as zlib computes it (reflected, polynomial 0xedb88320). */
static __u32 crc32(const __u8 *data, size_t length)
{
	__u32 crc = 0xffffffff;
	size_t i;
	int bit;

	for (i = 0; i < length; i++) {
		crc ^= data[i];
		for (bit = 0; bit < 8; bit++)
			crc = crc >> 1 ^ (0xedb88320 & -(crc & 1));
	}
	return ~crc;
}

/* Writes length bytes at offset by DMA, then checks them through the BAR and by DMA back. */
static void round_trip(int fd, off_t offset, size_t length, __u8 seed)
{
	static __u8 sent[CHARIOT_PCI_BUFFER_SIZE], peeked[CHARIOT_PCI_BUFFER_SIZE], back[CHARIOT_PCI_BUFFER_SIZE];
	struct chariot_pci_peek peek = { .offset = offset, .length = length, .data = (__u64)(unsigned long)peeked };
	__u32 device_crc = 0;
	size_t i;

	for (i = 0; i < length; i++)
		sent[i] = (__u8)(seed + i * 31 + (i >> 8));
	memset(back, 0, length);
	lseek(fd, offset, SEEK_SET);
	expect(write(fd, sent, length) == (ssize_t)length, "write() moves every byte into the device");
	expect(ioctl(fd, CHARIOT_PCI_CHECKSUM, &device_crc) == 0, "CHARIOT_PCI_CHECKSUM succeeds");
	expect(ioctl(fd, CHARIOT_PCI_PEEK, &peek) == 0, "CHARIOT_PCI_PEEK succeeds");
	lseek(fd, offset, SEEK_SET);
	expect(read(fd, back, length) == (ssize_t)length, "read() brings every byte back");
	printf("pci: %u bytes at %u: device crc32 0x%08x, ours 0x%08x; through BAR 2 %s; back by DMA %s\n",
	       (unsigned int)length, (unsigned int)offset, device_crc, crc32(sent, length),
	       memcmp(peeked, sent, length) ? "DIFFERENT" : "same", memcmp(back, sent, length) ? "DIFFERENT" : "same");
	expect(device_crc == crc32(sent, length), "the device saw exactly the bytes written");
	expect(memcmp(peeked, sent, length) == 0, "the device's buffer holds the bytes written");
	expect(memcmp(back, sent, length) == 0, "DMA from the device returns the bytes written");
}

int main(void)
{
	int fd = open(CHARIOT_PCI_DEVICE, O_RDWR);
	__u8 byte;

	if (fd < 0) {
		printf("pci: FAILED: cannot open %s (errno %d)\n", CHARIOT_PCI_DEVICE, errno);
		return 1;
	}
	round_trip(fd, 0, CHARIOT_PCI_BUFFER_SIZE, 1);
	round_trip(fd, 1000, 77, 2);
	round_trip(fd, CHARIOT_PCI_BUFFER_SIZE - 1, 1, 3);
	lseek(fd, CHARIOT_PCI_BUFFER_SIZE, SEEK_SET);
	expect(write(fd, &byte, 1) == -1 && errno == ENOSPC, "a write past the buffer is refused");
	close(fd);
	printf("pci: %s\n", failures ? "FAILED" : "all checks passed");
	return failures ? 1 : 0;
}
