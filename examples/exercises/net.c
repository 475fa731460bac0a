// SPDX-License-Identifier: GPL-2.0
/*
 * Exercises a network driver from user space: gives the interface (eth0 unless named) the address
 * 10.0.2.15/24, brings it up, pings the host at 10.0.2.2 through a raw ICMP socket, and sends UDP
 * datagrams of several sizes that the host echoes back. On our machine the card is virtio-net on
 * the PCI bus, driven by the kernel's virtio_pci and virtio_net modules, and the host is the
 * emulator's own peer (no privileges needed); --pcap FILE records every frame of the link.
 * Run: ./chariot run --kit-module virtio_pci --kit-module virtio_net --no-isolate --exercise examples/exercises/net.c
 */
#include <nolibc.h>
#include <arpa/inet.h>
#include <sys/socket.h>
#include <linux/if.h>
#include <linux/in.h>
#include <linux/sockios.h>

#define GUEST_ADDRESS 0x0f02000a /* 10.0.2.15, in network order */
#define NETMASK 0x00ffffff	 /* 255.255.255.0 */
#define HOST_ADDRESS 0x0202000a	 /* 10.0.2.2 */
#define ECHO_PORT 7
#define PINGS 3
#define ICMP_ECHO_REPLY 0
#define ICMP_ECHO_REQUEST 8
#define REPLY_TIMEOUT_MS 2000

static int failures;

static void expect(int condition, const char *what)
{
	if (!condition) {
		printf("net: FAILED: %s\n", what);
		failures++;
	}
}

static struct sockaddr_in address_of(__u32 address, __u16 port)
{
	struct sockaddr_in result;

	memset(&result, 0, sizeof(result));
	result.sin_family = AF_INET;
	result.sin_addr.s_addr = address;
	result.sin_port = htons(port);
	return result;
}

static long send_to(int fd, const void *data, size_t length, const struct sockaddr_in *to)
{
	return sendto(fd, data, length, 0, (const struct sockaddr *)to, sizeof(*to));
}

/* Waits for a datagram up to REPLY_TIMEOUT_MS; returns its length, 0 on time-out, -1 on failure. */
static long receive_from(int fd, void *data, size_t length, struct sockaddr_in *from)
{
	struct pollfd ready = { .fd = fd, .events = POLLIN };
	socklen_t from_length = sizeof(*from);

	if (poll(&ready, 1, REPLY_TIMEOUT_MS) != 1)
		return 0;
	return recvfrom(fd, data, length, 0, (struct sockaddr *)from, &from_length);
}

static long microseconds_since(const struct timeval *start)
{
	struct timeval now;

	gettimeofday(&now, NULL);
	return (now.tv_sec - start->tv_sec) * 1000000L + (now.tv_usec - start->tv_usec);
}

/* Sets the interface's address and netmask and brings it up. */
static int configure(const char *interface)
{
	int fd = socket(AF_INET, SOCK_DGRAM, 0);
	struct ifreq request;
	struct sockaddr_in address;
	int ok;

	if (fd < 0) {
		printf("net: FAILED: socket(AF_INET) (errno %d)\n", errno);
		return 0;
	}
	memset(&request, 0, sizeof(request));
	strncpy(request.ifr_name, interface, sizeof(request.ifr_name) - 1);
	address = address_of(GUEST_ADDRESS, 0);
	memcpy(&request.ifr_addr, &address, sizeof(request.ifr_addr));
	ok = ioctl(fd, SIOCSIFADDR, &request) == 0;
	address = address_of(NETMASK, 0);
	memcpy(&request.ifr_netmask, &address, sizeof(request.ifr_netmask));
	ok = ok && ioctl(fd, SIOCSIFNETMASK, &request) == 0;
	memset(&request.ifr_ifru, 0, sizeof(request.ifr_ifru));
	request.ifr_flags = IFF_UP;
	ok = ok && ioctl(fd, SIOCSIFFLAGS, &request) == 0;
	if (!ok)
		printf("net: FAILED: configuring %s (errno %d)\n", interface, errno);
	else
		printf("net: %s is 10.0.2.15/24, up\n", interface);
	close(fd);
	return ok;
}

static __u16 checksum(const void *data, size_t length)
{
	const __u8 *bytes = data;
	__u32 sum = 0;
	size_t i;

	for (i = 0; i + 1 < length; i += 2)
		sum += (__u32)(bytes[i] | bytes[i + 1] << 8);
	if (length & 1)
		sum += bytes[length - 1];
	while (sum >> 16)
		sum = (sum & 0xffff) + (sum >> 16);
	return (__u16)~sum;
}

/* One echo request with sequence number seq; checks that the reply carries it back. */
static void ping(int fd, __u16 seq)
{
	__u8 request[64], reply[128];
	struct sockaddr_in host = address_of(HOST_ADDRESS, 0), from;
	struct timeval sent;
	long length, header, waited;
	__u16 sum;
	int i;

	memset(request, 0, sizeof(request));
	request[0] = ICMP_ECHO_REQUEST;
	request[4] = 0x43; /* identifier */
	request[5] = 0x48;
	request[6] = (__u8)(seq >> 8);
	request[7] = (__u8)seq;
	for (i = 8; i < (int)sizeof(request); i++)
		request[i] = (__u8)(i * seq);
	sum = checksum(request, sizeof(request));
	memcpy(request + 2, &sum, 2);
	gettimeofday(&sent, NULL);
	if (send_to(fd, request, sizeof(request), &host) != sizeof(request)) {
		printf("net: FAILED: sending echo request %u\n", seq);
		failures++;
		return;
	}
	for (;;) {
		length = receive_from(fd, reply, sizeof(reply), &from);
		if (length <= 0) {
			printf("net: FAILED: no echo reply %u within %d ms\n", seq, REPLY_TIMEOUT_MS);
			failures++;
			return;
		}
		header = (reply[0] & 0x0f) * 4; /* a raw socket hands over the IP header too */
		if (length - header == sizeof(request) && reply[header] == ICMP_ECHO_REPLY &&
		    memcmp(reply + header + 4, request + 4, 4) == 0)
			break;
	}
	waited = microseconds_since(&sent);
	printf("net: %ld bytes from 10.0.2.2: icmp_seq=%u ttl=%u time=%ld us\n", length - header, seq, reply[8],
	       waited);
	expect(from.sin_addr.s_addr == HOST_ADDRESS, "the echo reply comes from 10.0.2.2");
	expect(memcmp(reply + header + 8, request + 8, sizeof(request) - 8) == 0, "the echo reply carries our data");
	expect(checksum(reply + header, sizeof(request)) == 0, "the echo reply's checksum holds");
}

/* Sends one datagram of the given size to the echo port and checks what comes back. */
static void udp_echo(int fd, size_t size)
{
	static __u8 sent[1472], received[1500];
	struct sockaddr_in host = address_of(HOST_ADDRESS, ECHO_PORT), from;
	long length;
	size_t i;

	for (i = 0; i < size; i++)
		sent[i] = (__u8)(i * 7 + size);
	if (send_to(fd, sent, size, &host) != (long)size) {
		printf("net: FAILED: sending %u bytes over UDP\n", (unsigned int)size);
		failures++;
		return;
	}
	length = receive_from(fd, received, sizeof(received), &from);
	if (length <= 0) {
		printf("net: FAILED: no UDP echo of %u bytes within %d ms\n", (unsigned int)size, REPLY_TIMEOUT_MS);
		failures++;
		return;
	}
	printf("net: udp echo of %ld bytes from 10.0.2.2:%u\n", length, htons(from.sin_port));
	expect(length == (long)size && memcmp(received, sent, size) == 0, "the UDP echo carries our bytes");
	expect(from.sin_addr.s_addr == HOST_ADDRESS && from.sin_port == htons(ECHO_PORT),
	       "the UDP echo comes from 10.0.2.2:7");
}

int main(int argc, char **argv)
{
	const char *interface = argc > 1 ? argv[1] : "eth0";
	static const size_t sizes[] = { 1, 512, 1472 };
	int icmp, udp;
	unsigned int i;

	if (!configure(interface))
		return 1;
	icmp = socket(AF_INET, SOCK_RAW, IPPROTO_ICMP);
	udp = socket(AF_INET, SOCK_DGRAM, 0);
	if (icmp < 0 || udp < 0) {
		printf("net: FAILED: opening the ICMP and UDP sockets (errno %d)\n", errno);
		return 1;
	}
	for (i = 1; i <= PINGS; i++)
		ping(icmp, (__u16)i);
	for (i = 0; i < sizeof(sizes) / sizeof(sizes[0]); i++)
		udp_echo(udp, sizes[i]);
	close(icmp);
	close(udp);
	printf("net: %s\n", failures ? "FAILED" : "all checks passed");
	return failures ? 1 : 0;
}
