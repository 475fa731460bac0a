// SPDX-License-Identifier: GPL-2.0
/*
 * Exercises the kernel's SPI NOR stack on the machine's W25Q32 flash behind its SiFive SPI
 * controller: spi-sifive.ko (the controller) and spi-nor.ko (the flash, an MTD device). Checks the
 * JEDEC id spi-nor read, the MTD geometry, then erases a 4 KiB sector through /dev/mtd0, programs
 * a pattern, reads it back, and checks that the next sector was left blank.
 * Run: ./chariot run --kit-module spi-sifive --kit-module spi-nor --no-isolate \
 *          --exercise examples/exercises/spi-flash.c
 */
#include <nolibc.h>
#include <mtd/mtd-user.h>

#define SECTOR_OFFSET 0x10000
#define PATTERN_LENGTH 512

static int failures;

static void expect(int condition, const char *what)
{
	if (!condition) {
		printf("spi-flash: FAILED: %s\n", what);
		failures++;
	}
}

static void check_jedec_id(void)
{
	char id[16] = { 0 };
	int fd = open("/sys/bus/spi/devices/spi0.0/spi-nor/jedec_id", O_RDONLY);

	expect(fd >= 0 && read(fd, id, sizeof(id) - 1) > 0, "reading the flash's JEDEC id from sysfs");
	if (fd >= 0)
		close(fd);
	printf("spi-flash: JEDEC id %s", id);
	expect(strncmp(id, "ef4016", 6) == 0, "the id is Winbond's W25Q32 (ef4016)");
}

static void check_geometry(int mtd)
{
	struct mtd_info_user info;

	expect(ioctl(mtd, MEMGETINFO, &info) == 0, "MEMGETINFO succeeds");
	printf("spi-flash: mtd0 is %u bytes, erased in %u-byte blocks, written in %u-byte units\n", info.size,
	       info.erasesize, info.writesize);
	expect(info.type == MTD_NORFLASH && info.size == 4 << 20 && info.erasesize == 4096,
	       "a 4 MiB NOR flash with 4 KiB erase blocks");
}

static void erase_program_read_back(int mtd)
{
	struct erase_info_user sector = { .start = SECTOR_OFFSET, .length = 4096 };
	unsigned char pattern[PATTERN_LENGTH], back[PATTERN_LENGTH];
	int blank = 1;

	for (int i = 0; i < PATTERN_LENGTH; i++)
		pattern[i] = (unsigned char)(i * 7 + 3);
	expect(ioctl(mtd, MEMERASE, &sector) == 0, "MEMERASE of one sector succeeds");
	expect(lseek(mtd, SECTOR_OFFSET, SEEK_SET) == SECTOR_OFFSET, "seek to the sector");
	expect(write(mtd, pattern, sizeof(pattern)) == sizeof(pattern), "programming the pattern");
	expect(lseek(mtd, SECTOR_OFFSET, SEEK_SET) == SECTOR_OFFSET, "seek back");
	expect(read(mtd, back, sizeof(back)) == sizeof(back), "reading the pattern back");
	expect(memcmp(pattern, back, sizeof(back)) == 0, "the flash holds the pattern");
	expect(lseek(mtd, SECTOR_OFFSET + 4096, SEEK_SET) == SECTOR_OFFSET + 4096, "seek to the next sector");
	expect(read(mtd, back, sizeof(back)) == sizeof(back), "reading the next sector");
	for (int i = 0; i < PATTERN_LENGTH; i++)
		blank &= back[i] == 0xff;
	expect(blank, "the next sector is still erased");
	printf("spi-flash: erased, programmed and read back %d bytes at 0x%x\n", PATTERN_LENGTH, SECTOR_OFFSET);
}

int main(void)
{
	int mtd = open("/dev/mtd0", O_RDWR);

	check_jedec_id();
	if (mtd < 0) {
		printf("spi-flash: FAILED: cannot open /dev/mtd0 (errno %d)\n", errno);
		return 1;
	}
	check_geometry(mtd);
	erase_program_read_back(mtd);
	close(mtd);
	printf("spi-flash: %s\n", failures ? "FAILED" : "all checks passed");
	return failures ? 1 : 0;
}
