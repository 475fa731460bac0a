/*
 * Exercises the kernel's own virtio drivers: random bytes from /dev/hwrng (virtio-rng), then
 * the virtio disk: reads sector 0 as the host wrote it and writes sector 1 for the host to read.
 */
#include <nolibc.h>

static const char host_text[] = "written by the host";
static const char guest_text[] = "written by the guest";

static int read_random(void)
{
	unsigned char bytes[32];
	int fd = open("/dev/hwrng", O_RDONLY);
	if (fd < 0) {
		printf("virtio: cannot open /dev/hwrng (%d)\n", errno);
		return 1;
	}
	ssize_t got = read(fd, bytes, sizeof(bytes));
	close(fd);
	int nonzero = 0;
	for (ssize_t i = 0; i < got; i++)
		nonzero |= bytes[i];
	printf("virtio: read %d random bytes from /dev/hwrng\n", (int)got);
	return got == sizeof(bytes) && nonzero ? 0 : 1;
}

static int use_disk(void)
{
	char sector[512];
	int fd = open("/dev/vda", O_RDWR);
	if (fd < 0) {
		printf("virtio: cannot open /dev/vda (%d)\n", errno);
		return 1;
	}
	if (read(fd, sector, sizeof(sector)) != sizeof(sector) ||
	    memcmp(sector, host_text, sizeof(host_text)) != 0) {
		printf("virtio: sector 0 does not hold the host's text\n");
		return 1;
	}
	printf("virtio: sector 0 reads \"%s\"\n", sector);
	memset(sector, 0, sizeof(sector));
	memcpy(sector, guest_text, sizeof(guest_text));
	if (write(fd, sector, sizeof(sector)) != sizeof(sector) ||
	    my_syscall1(__NR_fsync, fd) != 0) {
		printf("virtio: writing sector 1 failed\n");
		return 1;
	}
	close(fd);
	printf("virtio: wrote sector 1\n");
	return 0;
}

int main(void)
{
	return read_random() | use_disk();
}
